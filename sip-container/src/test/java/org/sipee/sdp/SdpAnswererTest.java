package org.sipee.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class SdpAnswererTest {

    private final SdpAnswerer answerer = new SdpAnswerer("127.0.0.1");

    private static String offer(String connection, String... media) {
        return "v=0\r\no=user1 53655765 2353687637 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 " + connection
                + "\r\nt=0 0\r\n" + String.join("\r\n", media) + "\r\n";
    }

    private static MediaDescription audioOf(NegotiatedMedia n) throws SdpParseException {
        return SdpParser.parse(n.answerSdp()).media().get(0);
    }

    @Test
    void answersSippOffer() throws Exception {
        // SIPp's uac scenario body
        NegotiatedMedia n = answerer.answer(offer("127.0.0.1", "m=audio 6000 RTP/AVP 0", "a=rtpmap:0 PCMU/8000"), 20000);
        assertEquals(0, n.payloadType());
        assertEquals("PCMU", n.encodingName());
        assertEquals(new InetSocketAddress("127.0.0.1", 6000), n.remoteRtp());

        SessionDescription answer = SdpParser.parse(n.answerSdp());
        assertEquals("IN", answer.origin().netType());
        assertEquals("IP4", answer.origin().addrType());
        assertEquals("127.0.0.1", answer.origin().address());
        assertEquals("-", answer.sessionName());
        assertEquals(new Connection("IN", "IP4", "127.0.0.1"), answer.connection());
        assertEquals(List.of("0 0"), answer.timing());
        MediaDescription m = answer.media().get(0);
        assertEquals(20000, m.port());
        assertEquals("RTP/AVP", m.proto());
        assertEquals(List.of("0"), m.formats());
        assertEquals(new RtpMap(0, "PCMU", 8000, null), m.rtpMap(0));
        assertEquals("20", m.attribute("ptime"));
        assertEquals(Direction.SENDRECV, m.direction());
        assertTrue(n.answerSdp().startsWith("v=0\r\no=- "));
        assertTrue(n.answerSdp().contains("\r\nm=audio 20000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=ptime:20\r\na=sendrecv\r\n"),
                n.answerSdp());
    }

    @Test
    void freshSessionIdPerAnswer() throws Exception {
        String o = offer("127.0.0.1", "m=audio 6000 RTP/AVP 0");
        assertNotEquals(SdpParser.parse(answerer.answer(o, 20000).answerSdp()).origin().sessionId(),
                SdpParser.parse(answerer.answer(o, 20000).answerSdp()).origin().sessionId());
    }

    @Test
    void answersPcmaOnlyOffer() throws Exception {
        NegotiatedMedia n = answerer.answer(offer("10.0.0.5", "m=audio 7078 RTP/AVP 8"), 20002);
        assertEquals(8, n.payloadType());
        assertEquals("PCMA", n.encodingName());
        assertEquals(List.of("8"), audioOf(n).formats());
        assertTrue(n.answerSdp().contains("a=rtpmap:8 PCMA/8000\r\n"));
    }

    @Test
    void picksTheOfferersFirstSupportedFormat() throws Exception {
        NegotiatedMedia n = answerer.answer(offer("10.0.0.5", "m=audio 7078 RTP/AVP 18 8 0"), 20002);
        assertEquals(8, n.payloadType());
    }

    @Test
    void acceptsTelephoneEventButNegotiatesTheAudioCodec() throws Exception {
        NegotiatedMedia n = answerer.answer(offer("127.0.0.1", "m=audio 6000 RTP/AVP 0 101",
                "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-16"), 20000);
        assertEquals(0, n.payloadType());
        MediaDescription m = audioOf(n);
        assertEquals(List.of("0", "101"), m.formats());
        assertEquals(new RtpMap(101, "telephone-event", 8000, null), m.rtpMap(101));
        assertEquals("0-16", m.fmtp(101));
        assertEquals(101, n.telephoneEventPayloadType());
        assertTrue(n.hasTelephoneEvent());
    }

    @Test
    void reportsNoTelephoneEventWhenNotOffered() throws Exception {
        NegotiatedMedia n = answerer.answer(offer("127.0.0.1", "m=audio 6000 RTP/AVP 0"), 20000);
        assertEquals(-1, n.telephoneEventPayloadType());
        assertEquals(-1, new NegotiatedMedia("v=0", null, 0, "PCMU").telephoneEventPayloadType(), "4-argument constructor");
    }

    @Test
    void keepsDynamicNumberingForPcmu() throws Exception {
        NegotiatedMedia n = answerer.answer(offer("127.0.0.1", "m=audio 6000 RTP/AVP 96 97",
                "a=rtpmap:96 pcmu/8000", "a=rtpmap:97 telephone-event/8000"), 20000);
        assertEquals(96, n.payloadType());
        assertEquals("PCMU", n.encodingName());
        assertEquals(List.of("96", "97"), audioOf(n).formats());
        assertTrue(n.answerSdp().contains("a=rtpmap:96 PCMU/8000\r\n"));
        assertNull(audioOf(n).fmtp(97));
        assertEquals(97, n.telephoneEventPayloadType());
    }

    @Test
    void mirrorsDirection() throws Exception {
        assertEquals(Direction.RECVONLY, direction("a=sendonly"));
        assertEquals(Direction.SENDONLY, direction("a=recvonly"));
        assertEquals(Direction.INACTIVE, direction("a=inactive"));
        assertEquals(Direction.SENDRECV, direction("a=sendrecv"));
        assertEquals(Direction.SENDRECV, direction("a=ptime:20"));
    }

    private Direction direction(String attribute) throws Exception {
        NegotiatedMedia n = answerer.answer(offer("192.0.2.1", "m=audio 6000 RTP/AVP 0", attribute), 20000);
        assertEquals(new InetSocketAddress("192.0.2.1", 6000), n.remoteRtp(), "an address is kept on sendonly hold");
        return audioOf(n).direction();
    }

    @Test
    void sessionLevelDirectionCounts() throws Exception {
        String o = "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nc=IN IP4 1.2.3.4\r\nt=0 0\r\na=sendonly\r\nm=audio 6000 RTP/AVP 0\r\n";
        assertEquals(Direction.RECVONLY, audioOf(answerer.answer(o, 20000)).direction());
    }

    @Test
    void nullConnectionAddressIsHoldWithoutRemote() throws Exception {
        NegotiatedMedia n = answerer.answer(offer("0.0.0.0", "m=audio 6000 RTP/AVP 0", "a=sendonly"), 20000);
        assertNull(n.remoteRtp());
        assertEquals(Direction.RECVONLY, audioOf(n).direction());
        NegotiatedMedia plain = answerer.answer(offer("0.0.0.0", "m=audio 6000 RTP/AVP 0"), 20000);
        assertNull(plain.remoteRtp());
    }

    @Test
    void noCommonCodecIs305() {
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class, () -> answerer.answer(
                offer("127.0.0.1", "m=audio 6000 RTP/AVP 3 18 96", "a=rtpmap:96 opus/48000/2"), 20000));
        assertEquals(305, e.warnCode());
        assertTrue(e.getMessage().startsWith("no common codec: offer has GSM/8000 (3), G729/8000 (18), opus/48000 (96)"),
                e.getMessage());
        assertTrue(e.warningHeader("sipee").startsWith("305 sipee \"no common codec"));
    }

    @Test
    void pcmuAtAnotherRateIsNotPcmu() {
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class, () -> answerer.answer(
                offer("127.0.0.1", "m=audio 6000 RTP/AVP 96", "a=rtpmap:96 PCMU/16000"), 20000));
        assertEquals(305, e.warnCode());
    }

    @Test
    void videoOnlyIs304() {
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class, () -> answerer.answer(
                offer("127.0.0.1", "m=video 6000 RTP/AVP 31"), 20000));
        assertEquals(304, e.warnCode());
        assertTrue(e.getMessage().contains("no audio"), e.getMessage());
    }

    @Test
    void srtpOnlyIs302() {
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class, () -> answerer.answer(
                offer("127.0.0.1", "m=audio 6000 RTP/SAVP 0"), 20000));
        assertEquals(302, e.warnCode());
    }

    @Test
    void otherStreamsAreRejectedWithPortZero() throws Exception {
        NegotiatedMedia n = answerer.answer(offer("127.0.0.1", "m=video 6002 RTP/AVP 31 34", "m=audio 6000 RTP/AVP 0",
                "m=audio 6004 RTP/AVP 8"), 20000);
        List<MediaDescription> media = SdpParser.parse(n.answerSdp()).media();
        assertEquals(3, media.size(), "RFC 3264 §6: as many m-lines as the offer, same order");
        assertEquals(0, media.get(0).port());
        assertEquals("video", media.get(0).media());
        assertEquals(List.of("31", "34"), media.get(0).formats());
        assertEquals(20000, media.get(1).port());
        assertEquals(0, media.get(2).port());
        assertEquals(new InetSocketAddress("127.0.0.1", 6000), n.remoteRtp());
    }

    @Test
    void ipv6Addresses() throws Exception {
        NegotiatedMedia n = new SdpAnswerer("::1").answer(
                "v=0\r\no=- 1 1 IN IP6 ::1\r\ns=-\r\nc=IN IP6 ::1\r\nt=0 0\r\nm=audio 6000 RTP/AVP 0\r\n", 20000);
        SessionDescription a = SdpParser.parse(n.answerSdp());
        assertEquals("IP6", a.origin().addrType());
        assertEquals(new Connection("IN", "IP6", "::1"), a.connection());
        assertEquals(new InetSocketAddress("::1", 6000), n.remoteRtp());
    }

    @Test
    void hostNameInOfferIsNotResolved() throws Exception {
        NegotiatedMedia n = answerer.answer(offer("pbx.example.invalid", "m=audio 6000 RTP/AVP 0"), 20000);
        assertTrue(n.remoteRtp().isUnresolved());
        assertEquals("pbx.example.invalid", n.remoteRtp().getHostString());
    }

    @Test
    void garbageIsRejectedWithAMessage() {
        SdpNegotiationException e = assertThrows(SdpNegotiationException.class, () -> answerer.answer("hello", 20000));
        assertEquals(399, e.warnCode());
        assertTrue(e.getMessage().contains("bad SDP"), e.getMessage());
        SdpNegotiationException noV = assertThrows(SdpNegotiationException.class,
                () -> answerer.answer("o=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\n", 20000));
        assertTrue(noV.getMessage().contains("missing v= line"), noV.getMessage());
        SdpNegotiationException noC = assertThrows(SdpNegotiationException.class,
                () -> answerer.answer("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\nm=audio 6000 RTP/AVP 0\r\n", 20000));
        assertTrue(noC.getMessage().contains("no c= line"), noC.getMessage());
        assertFalse(noC instanceof SdpParseException);
    }
}
