package org.sipee.rar;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

import javax.management.JMException;
import javax.management.ObjectName;

import org.sipee.media.MediaConfig;

/**
 * Checks the RTP range against what the OS allows at start: every call holds two sockets (RTP and RTCP), so the
 * process's descriptor limit bounds the calls the range can hold; and ports of the OS's ephemeral range may be taken
 * by outgoing connections (they are skipped, so the range holds fewer calls). Each finding is a warning naming the
 * settings; beyond either limit calls get 503, not 500.
 */
final class OsLimits {

    private static final Logger LOG = Logger.getLogger(OsLimits.class.getName());
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Descriptors the server needs besides RTP: SIP, JMS, deployments, logs. */
    private static final long OTHER_DESCRIPTORS = 1024;

    private OsLimits() {
    }

    static void check(MediaConfig media) {
        long pairs = (media.rtpPortMax() - media.rtpPortMin() + 1) / 2;
        maxDescriptors().ifPresent(max -> {
            if (2 * pairs + OTHER_DESCRIPTORS > max) {
                LOG.warning("rtpPortMin..rtpPortMax (" + media.rtpPortMin() + ".." + media.rtpPortMax() + ") holds " + pairs
                        + " calls, which need " + 2 * pairs + " sockets, but this process may open only " + max
                        + " files (ulimit -n): about " + Math.max(0, (max - OTHER_DESCRIPTORS) / 2)
                        + " calls can have media, later ones get 503; raise the limit or narrow the range");
            }
        });
        ephemeralRange().ifPresent(range -> {
            if (range[0] <= media.rtpPortMax() && media.rtpPortMin() <= range[1]) {
                LOG.warning("rtpPortMin..rtpPortMax (" + media.rtpPortMin() + ".." + media.rtpPortMax() + ") overlaps the"
                        + " OS's ephemeral ports " + range[0] + ".." + range[1] + " (net.ipv4.ip_local_port_range):"
                        + " ports it hands to outgoing connections are skipped, so the range holds fewer calls");
            }
        });
    }

    /** Through the platform MBean server: com.sun.management's types are not visible to every deployment. */
    private static Optional<Long> maxDescriptors() {
        try {
            Object max = ManagementFactory.getPlatformMBeanServer().getAttribute(
                    new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME), "MaxFileDescriptorCount");
            return max instanceof Long value ? Optional.of(value) : Optional.empty();
        } catch (JMException | RuntimeException e) {
            return Optional.empty(); // not a Unix JVM
        }
    }

    private static Optional<int[]> ephemeralRange() {
        try {
            String[] fields = Files.readString(EPHEMERAL_RANGE).trim().split("\\s+");
            return Optional.of(new int[] {Integer.parseInt(fields[0]), Integer.parseInt(fields[1])});
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not Linux, or not readable: nothing to compare with
        }
    }
}
