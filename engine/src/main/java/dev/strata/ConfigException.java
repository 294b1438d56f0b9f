package dev.strata;

/**
 * A configuration value is invalid; the message names the setting, the accepted range and the
 * value given. Thrown by the builders at once, before anything is opened.
 */
public class ConfigException extends StrataException {
    private static final long serialVersionUID = 1L;

    public ConfigException(final String message) {
        super(message);
    }
}
