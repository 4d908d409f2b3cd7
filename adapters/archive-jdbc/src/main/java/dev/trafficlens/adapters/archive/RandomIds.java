package dev.trafficlens.adapters.archive;

import java.security.SecureRandom;

/** Ids of stored things: a prefix ({@code lnk_}, {@code bil_}) and 16 random base32 characters (80 bits). */
final class RandomIds {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final int LENGTH = 16;

    private final SecureRandom random = new SecureRandom();

    String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
