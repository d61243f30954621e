package org.sipee.bench;

import org.sipee.media.G711Codec;

/**
 * What {@link MixLoadClient} is told to do: positional arguments
 * {@code conference PARTICIPANTS ROOM_SIZE CONTROL_PORT SERVER_PID [steadySeconds=30] [rtp=45000-49999]} or
 * {@code bridge CALLS CODECS CONTROL_PORT SERVER_PID [steadySeconds=30] [rtp=45000-49999]}, CODECS being leg a's
 * codec, or both legs' as {@code PCMU-PCMA}.
 *
 * @param bridge        bridged calls (two phones each) rather than conference participants (one phone each)
 * @param count         participants, or bridged calls
 * @param roomSize      participants per room (the last room may have fewer); 0 for bridges
 * @param codecA        the conference's codec, or leg a's
 * @param codecB        leg b's codec
 * @param controlPort   MixLoadServer's control port on 127.0.0.1
 * @param serverPid     its process
 * @param steadySeconds the measured window
 * @param rtpMin        the phones' RTP range
 * @param rtpMax        its end
 */
record MixOptions(boolean bridge, int count, int roomSize, G711Codec codecA, G711Codec codecB, int controlPort,
                  long serverPid, int steadySeconds, int rtpMin, int rtpMax) {

    static MixOptions parse(String[] args) {
        if (args.length < 5 || !(args[0].equals("conference") || args[0].equals("bridge"))) {
            throw new IllegalArgumentException("usage: MixLoadClient conference PARTICIPANTS ROOM_SIZE | bridge CALLS PCMU[-PCMA],"
                    + " then CONTROL_PORT SERVER_PID [steadySeconds=30] [rtp=45000-49999]");
        }
        boolean bridge = args[0].equals("bridge");
        int count = Integer.parseInt(args[1]);
        String[] codecs = bridge ? args[2].split("-") : new String[] {"PCMU"};
        G711Codec a = G711Codec.forEncodingName(codecs[0]);
        G711Codec b = codecs.length > 1 ? G711Codec.forEncodingName(codecs[1]) : a;
        int roomSize = bridge ? 0 : Integer.parseInt(args[2]);
        if (!bridge && roomSize < 2) {
            throw new IllegalArgumentException("a room has at least 2 participants, was " + roomSize);
        }
        int[] rtp = LoadOptions.range(args.length > 6 ? args[6] : "45000-49999");
        return new MixOptions(bridge, count, roomSize, a, b, Integer.parseInt(args[3]), Long.parseLong(args[4]),
                args.length > 5 ? Integer.parseInt(args[5]) : 30, rtp[0], rtp[1]);
    }

    /** Phones: one per participant, two per bridged call. */
    int phones() {
        return bridge ? 2 * count : count;
    }

    /** Phone i's codec: bridged calls' phones come in pairs (a, b). */
    G711Codec codecOf(int phone) {
        return bridge && phone % 2 == 1 ? codecB : codecA;
    }

    /** "PCMU", or "PCMU-PCMA" when the legs differ. */
    String codecs() {
        return codecA == codecB ? codecA.name() : codecA.name() + "-" + codecB.name();
    }
}
