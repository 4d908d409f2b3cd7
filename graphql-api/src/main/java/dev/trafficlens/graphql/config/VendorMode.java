package dev.trafficlens.graphql.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the service runs on its built-in sandbox or on live vendors. Simulated traffic must never reach anyone who
 * gave real keys: with no vendor keys the sandbox serves (unless {@code trafficlens.sandbox.enabled=false}); with any
 * keys it is off; keys together with {@code trafficlens.sandbox.enabled=true} refuse to start.
 */
public record VendorMode(boolean sandbox, List<String> liveKeys) {

    static final String SANDBOX_KEY = TrafficlensProperties.PREFIX + ".sandbox.enabled";

    static VendorMode of(TrafficlensProperties properties) {
        List<String> keys = new ArrayList<>();
        for (VendorAccount account : VendorAccount.values()) {
            keys.addAll(account.keysGiven(properties.sources()));
        }
        Optional<Boolean> flag = properties.sandbox().switchedOn();
        if (flag.isEmpty()) {
            return new VendorMode(keys.isEmpty(), keys);
        }
        boolean sandbox = flag.get();
        if (sandbox && !keys.isEmpty()) {
            throw new InvalidSettingException(SANDBOX_KEY + "=true and " + keys.get(0) + " are both set: the sandbox"
                    + " serves simulated traffic and would hide the live vendor. Remove " + SANDBOX_KEY
                    + " to read the vendors with your keys, or remove the keys (" + String.join(", ", keys)
                    + ") to run on the sandbox.");
        }
        return new VendorMode(sandbox, keys);
    }

    /**
     * Matches when the service runs on the sandbox. It runs before any bean exists, so it binds the keys itself; a
     * refused value or combination is left to the beans that read the same keys to report.
     */
    static final class OnSandbox implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            try {
                return of(TrafficlensProperties.bind(context.getEnvironment())).sandbox();
            } catch (RuntimeException refused) {
                return false;
            }
        }
    }
}
