package io.github.attractor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * How busy the machine was with other processes' work during a measurement, from Linux's
 * {@code /proc/stat} (all CPU time) minus {@code /proc/self/stat} (this JVM plus its children that have
 * exited: the JMH forks and the Python peers). The result is in cores: on the 2-core benchmark machine,
 * 1.0 means another process took one whole core, so a 2-core figure measured then is really a 1-core
 * one. NaN where {@code /proc} is not available.
 */
final class CpuLoad {
    private final long busy0;
    private final long ours0;
    private final long nanos0;

    private CpuLoad(long busy, long ours, long nanos) {
        this.busy0 = busy;
        this.ours0 = ours;
        this.nanos0 = nanos;
    }

    static CpuLoad start() {
        return new CpuLoad(machineBusyTicks(), ourTicks(), System.nanoTime());
    }

    /** Average number of cores other processes kept busy since {@link #start}. */
    double othersCores() {
        long busy = machineBusyTicks();
        long ours = ourTicks();
        double seconds = (System.nanoTime() - nanos0) * 1e-9;
        if (busy < 0 || ours < 0 || busy0 < 0 || ours0 < 0 || seconds <= 0) {
            return Double.NaN;
        }
        double ticks = (busy - busy0) - (ours - ours0);
        return Math.max(0.0, ticks / TICKS_PER_SECOND / seconds);
    }

    /** USER_HZ: 100 on every Linux this runs on (it is not exported to Java). */
    private static final double TICKS_PER_SECOND = 100.0;

    /** user + nice + system + irq + softirq + steal over all CPUs, or -1. */
    private static long machineBusyTicks() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/stat"))) {
                if (line.startsWith("cpu ")) {
                    String[] f = line.trim().split("\\s+");
                    long s = 0;
                    for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                        s += Long.parseLong(f[i]);
                    }
                    return s;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    /** utime + stime + cutime + cstime of this process, or -1. */
    private static long ourTicks() {
        try {
            String s = Files.readString(Paths.get("/proc/self/stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split("\\s+");
            // after "pid (comm) ": state is field 3, so utime (14) .. cstime (17) are indices 11..14 here
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
