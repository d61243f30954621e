package org.sipee.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/**
 * The IVR's spoken prompts (8 kHz µ-law WAVs in this jar, made by prompts/make-prompts.sh). {@link
 * org.sipee.session.Call#play} takes a file, so they are copied at deployment into a directory of their own under
 * {@code jboss.server.data.dir} (each deployment its own, so two never share files), removed at undeploy.
 */
@ApplicationScoped
public class IvrPrompts {

    private static final Logger LOG = Logger.getLogger(IvrPrompts.class.getName());

    enum Prompt {
        MENU("menu.wav"), INVALID("invalid.wav"), GOODBYE("goodbye.wav");

        final String resource;

        Prompt(String resource) {
            this.resource = resource;
        }
    }

    private final Map<Prompt, Path> files = new EnumMap<>(Prompt.class);
    private Path directory;

    /** Observing the startup makes CDI create this bean at deployment: a broken jar fails there, not in a call. */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        LOG.fine(() -> "IVR prompts in " + directory);
    }

    @PostConstruct
    void copy() {
        Path base = Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")));
        try {
            directory = Files.createTempDirectory(Files.createDirectories(base), "sipee-ivr-");
            for (Prompt prompt : Prompt.values()) {
                try (InputStream in = IvrPrompts.class.getResourceAsStream("ivr/" + prompt.resource)) {
                    if (in == null) {
                        throw new IllegalStateException("the demo jar has no prompt org/sipee/demo/ivr/" + prompt.resource);
                    }
                    Path file = directory.resolve(prompt.resource);
                    Files.copy(in, file);
                    files.put(prompt, file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the IVR prompts under " + base, e);
        }
    }

    Path file(Prompt prompt) {
        return files.get(prompt);
    }

    @PreDestroy
    void remove() {
        try (Stream<Path> entries = Files.walk(directory)) {
            entries.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remove the IVR prompts in " + directory, e);
        }
    }
}
