package org.sipee.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Late offer (RFC 3261 §13.2.1): our offer in the 200, the answer in the ACK. */
class SdpOffererTest {

    private final SdpOfferer offerer = new SdpOfferer("127.0.0.1");

    private static String answer(String connection, String... media) {
        return "v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 " + connection + "\r\nt=0 0\r\n"
                + String.join("\r\n", media) + "\r\n";
    }

    @Test
    void offersG711AndTelephoneEventSendrecv() throws Exception {
        SessionDescription offer = SdpParser.parse(offerer.offer(20000));
        assertEquals(1, offer.media().size());
        MediaDescription audio = offer.media().get(0);
        assertEquals(20000, audio.port());
        assertEquals(List.of("0", "8", "101"), audio.formats());
        assertEquals(new RtpMap(101, "telephone-event", 8000, null), audio.rtpMap(101));
        assertEquals("0-16", audio.fmtp(101));
        assertEquals(Direction.SENDRECV, offer.directionFor(audio));
        assertEquals("127.0.0.1", offer.connection().host());
    }

    @Test
    void acceptsTheAnswersCodecAndTelephoneEvent() throws Exception {
        String ours = offerer.offer(20000);
        NegotiatedMedia n = offerer.accept(ours, answer("127.0.0.2", "m=audio 7000 RTP/AVP 8 101",
                "a=rtpmap:8 PCMA/8000", "a=rtpmap:101 telephone-event/8000"));
        assertEquals(8, n.payloadType());
        assertEquals("PCMA", n.encodingName());
        assertEquals(101, n.telephoneEventPayloadType());
        assertEquals(new InetSocketAddress("127.0.0.2", 7000), n.remoteRtp());
        assertEquals(ours, n.answerSdp(), "our SDP of the exchange is the offer");
    }

    @Test
    void staticPayloadTypesNeedNoRtpmapAndDtmfIsOptional() throws Exception {
        NegotiatedMedia n = offerer.accept(offerer.offer(20000), answer("127.0.0.1", "m=audio 7000 RTP/AVP 0"));
        assertEquals("PCMU", n.encodingName());
        assertEquals(-1, n.telephoneEventPayloadType());
    }

    @Test
    void aSendonlyAnswerGivesNowhereToSend() throws Exception {
        NegotiatedMedia n = offerer.accept(offerer.offer(20000),
                answer("127.0.0.1", "m=audio 7000 RTP/AVP 0", "a=sendonly"));
        assertNull(n.remoteRtp());
    }

    @Test
    void refusedAnswersSayWhy() {
        String ours = offerer.offer(20000);
        SdpNegotiationException rejected = assertThrows(SdpNegotiationException.class,
                () -> offerer.accept(ours, answer("127.0.0.1", "m=audio 0 RTP/AVP 0")));
        assertEquals(304, rejected.warnCode());
        SdpNegotiationException foreign = assertThrows(SdpNegotiationException.class,
                () -> offerer.accept(ours, answer("127.0.0.1", "m=audio 7000 RTP/AVP 3", "a=rtpmap:3 GSM/8000")));
        assertTrue(foreign.getMessage().contains("answer has GSM/8000"), foreign.getMessage());
        assertThrows(SdpNegotiationException.class, () -> offerer.accept(ours, null));
        assertThrows(SdpNegotiationException.class, () -> offerer.accept(ours, "not sdp"));
    }
}
