package org.sipee.sdp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Answers SDP offers for G.711 audio (RFC 3264 §6). Stateless and thread-safe: each answer gets a
 * fresh o= session id. The first usable audio stream (RTP/AVP, port not 0) is accepted with the first
 * offered format we support (PCMU or PCMA, RFC 3551), keeping the offerer's payload-type numbers,
 * plus telephone-event (RFC 4733) when offered; every other m-line is rejected with port 0.
 */
public final class SdpAnswerer {

    private static final String[] SUPPORTED = {"PCMU", "PCMA"};
    private static final int CLOCK_RATE = 8000;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final String advertisedAddress;

    /** @param advertisedAddress the address for the answer's o= and c= lines */
    public SdpAnswerer(String advertisedAddress) {
        if (advertisedAddress == null || advertisedAddress.isBlank()) {
            throw new IllegalArgumentException("advertisedAddress must not be empty");
        }
        this.advertisedAddress = advertisedAddress;
    }

    /** Parses the offer and builds the answer for our RTP port, keeping the offerer's payload-type numbers. */
    public NegotiatedMedia answer(String offerSdp, int localRtpPort) throws SdpNegotiationException {
        if (localRtpPort < 1 || localRtpPort > 65535) {
            throw new IllegalArgumentException("localRtpPort must be 1..65535, was " + localRtpPort);
        }
        SessionDescription offer = SdpParser.parse(offerSdp);
        int chosen = chooseAudioStream(offer);
        MediaDescription audio = offer.media().get(chosen);
        RtpMap codec = chooseCodec(audio, "offer");
        RtpMap dtmf = findTelephoneEvent(audio);

        Connection remote = offer.connectionFor(audio);
        if (remote == null) {
            throw new SdpNegotiationException(399, "offer has no c= line for its audio stream (RFC 8866 §5.7)");
        }
        InetSocketAddress remoteRtp = remote.isNullAddress() ? null : socketAddress(remote.host(), audio.port());
        Direction direction = offer.directionFor(audio).mirror();

        List<MediaDescription> answerMedia = new ArrayList<>();
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription m = offer.media().get(i);
            answerMedia.add(i == chosen ? acceptedAudio(localRtpPort, codec, dtmf, audio, direction) : rejected(m));
        }
        // RFC 3264 §6: the answer's t= must equal the offer's
        List<String> timing = offer.timing().isEmpty() ? List.of("0 0") : offer.timing();
        Connection ours = Connection.of(advertisedAddress);
        SessionDescription answer = new SessionDescription(freshOrigin(advertisedAddress), "-", ours, timing, List.of(),
                List.of(), answerMedia);
        return new NegotiatedMedia(answer.toString(), remoteRtp, codec.payloadType(), codec.encodingName(),
                dtmf == null ? -1 : dtmf.payloadType());
    }

    /** RFC 3264 §5: an o= line with a fresh session id, the version starting equal to it. */
    static Origin freshOrigin(String address) {
        long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        return new Origin("-", Long.toString(id), Long.toString(id), "IN", Connection.of(address).addrType(), address);
    }

    /** Index of the first audio m-line we can take: RTP/AVP, not disabled. 304 / 302 otherwise. */
    private static int chooseAudioStream(SessionDescription offer) throws SdpNegotiationException {
        String otherProto = null;
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription m = offer.media().get(i);
            if (!m.media().equalsIgnoreCase("audio") || m.port() == 0) {
                continue;
            }
            if (m.proto().equalsIgnoreCase("RTP/AVP")) {
                return i;
            }
            otherProto = m.proto();
        }
        if (otherProto != null) {
            throw new SdpNegotiationException(302, "incompatible transport protocol: offer has audio over "
                    + otherProto + ", we support RTP/AVP");
        }
        StringJoiner kinds = new StringJoiner(", ");
        offer.media().forEach(m -> kinds.add(m.media() + (m.port() == 0 ? " (disabled)" : "")));
        throw new SdpNegotiationException(304, "media type not available: offer has no audio stream"
                + (kinds.length() == 0 ? "" : ", only " + kinds));
    }

    /** The first format of {@code side} (offer or answer) we support, in its order of preference (RFC 3264 §6.1). */
    static RtpMap chooseCodec(MediaDescription audio, String side) throws SdpNegotiationException {
        StringJoiner offered = new StringJoiner(", ");
        for (String f : audio.formats()) {
            int pt = Integer.parseInt(f);
            RtpMap map = audio.rtpMap(pt);
            if (map == null) {
                offered.add("payload type " + pt + " without rtpmap");
                continue;
            }
            for (String name : SUPPORTED) {
                if (map.matches(name, CLOCK_RATE)) {
                    return new RtpMap(pt, name, CLOCK_RATE, null);
                }
            }
            offered.add(map.encodingName() + "/" + map.clockRate() + " (" + pt + ")");
        }
        throw new SdpNegotiationException(305, "no common codec: " + side + " has " + offered + "; we support PCMU, PCMA");
    }

    static RtpMap findTelephoneEvent(MediaDescription audio) {
        for (String f : audio.formats()) {
            RtpMap map = audio.rtpMap(Integer.parseInt(f));
            if (map != null && map.matches("telephone-event", CLOCK_RATE)) {
                return map;
            }
        }
        return null;
    }

    private static MediaDescription acceptedAudio(int port, RtpMap codec, RtpMap dtmf, MediaDescription offered,
                                                  Direction direction) {
        List<String> formats = new ArrayList<>(List.of(Integer.toString(codec.payloadType())));
        List<Attribute> attrs = new ArrayList<>(List.of(Attribute.of("rtpmap", codec.toString())));
        if (dtmf != null) {
            formats.add(Integer.toString(dtmf.payloadType()));
            attrs.add(Attribute.of("rtpmap", dtmf.toString()));
            String fmtp = offered.fmtp(dtmf.payloadType());
            if (fmtp != null) {
                attrs.add(Attribute.of("fmtp", dtmf.payloadType() + " " + fmtp));
            }
        }
        attrs.add(Attribute.of("ptime", "20"));
        attrs.add(Attribute.property(direction.attributeName()));
        return new MediaDescription("audio", port, 0, offered.proto(), formats, null, List.of(), attrs);
    }

    /** RFC 3264 §6: a rejected stream keeps its m-line with port 0 and at least one of the offered formats. */
    private static MediaDescription rejected(MediaDescription m) {
        return new MediaDescription(m.media(), 0, 0, m.proto(), m.formats(), null, List.of(), List.of());
    }

    /**
     * The offerer's RTP address. Literal IP addresses are parsed without any lookup; a host name
     * (allowed by RFC 8866 §5.7) is returned unresolved so that no DNS query runs on the caller's thread.
     */
    static InetSocketAddress socketAddress(String host, int port) throws SdpNegotiationException {
        boolean v4 = IPV4.matcher(host).matches();
        if (v4 && java.util.Arrays.stream(host.split("\\.")).anyMatch(o -> Integer.parseInt(o) > 255)) {
            throw new SdpNegotiationException(399, "bad address in c= line: '" + host + "'");
        }
        if (v4 || host.indexOf(':') >= 0) {
            try {
                return new InetSocketAddress(InetAddress.getByName(host), port);
            } catch (UnknownHostException | IllegalArgumentException e) {
                throw new SdpNegotiationException(399, "bad address in c= line: '" + host + "'");
            }
        }
        return InetSocketAddress.createUnresolved(host, port);
    }
}
