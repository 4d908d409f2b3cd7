package dev.trafficlens.archfixture.domain.port.out;

/** Seeded violation: an implementation living in a port package. */
public class ConcreteTrafficSource {

    public String fetch() {
        return "data";
    }
}
