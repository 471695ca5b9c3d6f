package io.github.attractor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the tour writes a page whose every image exists. */
class TourTest {
    @Test
    void tourWritesAReportWithAllItsPlots(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("tour", "--out", dir.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        String page = Files.readString(dir.resolve("index.html"));
        Matcher m = Pattern.compile("<img src=\"([^\"]+)\"").matcher(page);
        int images = 0;
        while (m.find()) {
            assertTrue(Files.size(dir.resolve(m.group(1))) > 1000, m.group(1));
            images++;
        }
        assertTrue(images >= 8, "images: " + images);
        for (String name : new String[] {"figure1", "dead-neurons", "energy-descent", "goe-stabilization",
            "steady-state-recovery", "ksoftmax-limits"}) {
            assertTrue(Files.exists(dir.resolve(name + ".json")), name);
            assertTrue(page.contains("repro " + name), name);
        }
        // The learning section: four models on the simulated pendulum, the trained ELCD's guarantees hold.
        assertTrue(page.contains("Learning stable dynamics (ELCD)"), "learning section");
        assertTrue(page.contains("tour-learning.png"), "learned fields");
        assertTrue(page.contains("100 of 100 rollouts from 10× the data range reach x*"), "far starts converge");
    }
}
