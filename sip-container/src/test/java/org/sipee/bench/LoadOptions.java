package org.sipee.bench;

/**
 * What {@link MediaLoadClient} is told to do: positional arguments
 * {@code HOST:PORT CALLS [steadySeconds=30] [callsPerSecond=100] [serverPid=0] [serverRtp=30000-39999]
 * [sipPort=5091] [rtp=40000-49999]}. A server PID of 0 skips the server's CPU, heap and port figures.
 *
 * @param targetHost     the echo target's address (an IP literal); also the address we bind to
 * @param targetPort     its SIP port
 * @param calls          concurrent calls to hold
 * @param steadySeconds  the measured window with all calls up
 * @param callsPerSecond ramp rate, for the INVITEs and for the BYEs
 * @param serverPid      the target's process, or 0
 * @param serverRtpMin   the target's RTP range, where leaked ports are looked for
 * @param serverRtpMax   its end
 * @param sipPort        our SIP port
 * @param rtpMin         our RTP range
 * @param rtpMax         its end
 */
record LoadOptions(String targetHost, int targetPort, int calls, int steadySeconds, double callsPerSecond, long serverPid,
                   int serverRtpMin, int serverRtpMax, int sipPort, int rtpMin, int rtpMax) {

    static LoadOptions parse(String[] args) {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: MediaLoadClient HOST:PORT CALLS [steadySeconds=30] [callsPerSecond=100]"
                    + " [serverPid=0] [serverRtp=30000-39999] [sipPort=5091] [rtp=40000-49999]");
        }
        int colon = args[0].lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("target must be HOST:PORT, was " + args[0]);
        }
        int[] serverRtp = range(arg(args, 5, "30000-39999"));
        int[] rtp = range(arg(args, 7, "40000-49999"));
        return new LoadOptions(args[0].substring(0, colon), Integer.parseInt(args[0].substring(colon + 1)),
                Integer.parseInt(args[1]), Integer.parseInt(arg(args, 2, "30")), Double.parseDouble(arg(args, 3, "100")),
                Long.parseLong(arg(args, 4, "0")), serverRtp[0], serverRtp[1], Integer.parseInt(arg(args, 6, "5091")),
                rtp[0], rtp[1]);
    }

    String target() {
        return "sip:echo@" + targetHost + ":" + targetPort;
    }

    String from() {
        return "sip:load@" + targetHost + ":" + sipPort;
    }

    private static String arg(String[] args, int index, String fallback) {
        return args.length > index ? args[index] : fallback;
    }

    /** A port range "MIN-MAX" as {min, max}. */
    static int[] range(String minMax) {
        String[] parts = minMax.split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a port range is MIN-MAX, was " + minMax);
        }
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }
}
