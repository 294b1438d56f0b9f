package dev.strata.bench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reports the version Maven recorded in the jar, or "development build" when run from classes. */
final class StrataVersion implements IVersionProvider {
    private static final String POM_PROPERTIES = "/META-INF/maven/dev.strata/strata-bench/pom.properties";

    @Override
    public String[] getVersion() throws IOException {
        try (InputStream in = StrataVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return new String[] {"strata (development build)", "Java " + Runtime.version()};
            }
            final Properties p = new Properties();
            p.load(in);
            return new String[] {"strata " + p.getProperty("version", "(unknown version)"), "Java " + Runtime.version()};
        }
    }
}
