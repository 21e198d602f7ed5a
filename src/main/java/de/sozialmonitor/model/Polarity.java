package de.sozialmonitor.model;

/** Whether a higher indicator value means more disadvantage (the usual case) or less. */
public enum Polarity {
    HIGHER_IS_WORSE("higher_is_worse"),
    HIGHER_IS_BETTER("higher_is_better");

    private final String configName;

    Polarity(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** The factor applied before standardisation, so that a higher z always means more disadvantage. */
    public int sign() {
        return this == HIGHER_IS_WORSE ? 1 : -1;
    }

    public static Polarity fromConfig(String name) {
        for (Polarity p : values()) {
            if (p.configName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("polarity must be higher_is_worse or higher_is_better, was '" + name + "'");
    }
}
