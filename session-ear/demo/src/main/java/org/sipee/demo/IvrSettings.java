package org.sipee.demo;

import java.time.Duration;

/**
 * How patient the IVR is, from system properties read for each new call (so a running server, or a test, can change
 * them without a redeploy): {@code sipee.demo.ivr.choiceTimeoutMillis} (default 10000) is how long the menu waits
 * for a key after it played, {@code sipee.demo.ivr.replays} (default 2) how often it is replayed to a silent caller
 * before the goodbye.
 */
record IvrSettings(Duration choiceTimeout, int replays) {

    static final String CHOICE_TIMEOUT = "sipee.demo.ivr.choiceTimeoutMillis";
    static final String REPLAYS = "sipee.demo.ivr.replays";

    /** @throws IllegalArgumentException naming the property when a value is not a number in range */
    static IvrSettings fromSystemProperties() {
        return new IvrSettings(Duration.ofMillis(property(CHOICE_TIMEOUT, 10_000, 1)), property(REPLAYS, 2, 0));
    }

    private static int property(String name, int defaultValue, int min) {
        String value = System.getProperty(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the range
        }
        throw new IllegalArgumentException("system property " + name + " must be an integer >= " + min + ", was '" + value + "'");
    }
}
