package org.sipee.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The README's "first call handler" guide shows compiled code: each block marked
 * {@code <!-- guide-source: path -->} must be that file from its class comment on (package and imports left out).
 * The files are deployed and called by OutboundCallIT.
 */
class ReadmeGuideTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern BLOCK = Pattern.compile("<!-- guide-source: (\\S+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyGuideBlockIsTheCompiledSource() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher block = BLOCK.matcher(readme);
        List<String> checked = new ArrayList<>();
        while (block.find()) {
            Path source = ROOT.resolve(block.group(1));
            assertEquals(body(Files.readString(source)), block.group(2), "README block of " + source + " differs from the file");
            checked.add(source.getFileName().toString());
        }
        assertTrue(checked.containsAll(List.of("Greeter.java", "DialResource.java", "CallOutcomes.java")),
                "the guide shows the inbound handler, the REST dialer and the response handlers: " + checked);
    }

    /** The source from the first line after the imports that is not blank. */
    private static String body(String source) {
        String[] lines = source.split("\n", -1);
        int last = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("import ") || lines[i].startsWith("package ")) {
                last = i;
            }
        }
        int first = last + 1;
        while (lines[first].isBlank()) {
            first++;
        }
        return String.join("\n", List.of(lines).subList(first, lines.length));
    }
}
