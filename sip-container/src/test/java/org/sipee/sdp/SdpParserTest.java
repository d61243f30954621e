package org.sipee.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SdpParserTest {

    static final String OFFER = String.join("\r\n",
            "v=0",
            "o=alice 2890844526 2890844527 IN IP4 host.atlanta.example.com",
            "s=-",
            "i=A call",
            "c=IN IP4 192.0.2.10",
            "b=AS:64",
            "t=0 0",
            "a=sendrecv",
            "m=audio 49170 RTP/AVP 0 8 97 101",
            "c=IN IP4 192.0.2.11",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:97 iLBC/8000",
            "a=rtpmap:101 telephone-event/8000",
            "a=fmtp:101 0-15",
            "a=ptime:20",
            "a=sendonly",
            "m=video 51372 RTP/AVP 31",
            "a=rtpmap:31 H261/90000",
            "") ;

    @Test
    void parsesEveryPart() throws Exception {
        SessionDescription sd = SdpParser.parse(OFFER);
        assertEquals(new Origin("alice", "2890844526", "2890844527", "IN", "IP4", "host.atlanta.example.com"), sd.origin());
        assertEquals("-", sd.sessionName());
        assertEquals(new Connection("IN", "IP4", "192.0.2.10"), sd.connection());
        assertEquals(List.of("0 0"), sd.timing());
        assertEquals(List.of("i=A call", "b=AS:64"), sd.otherLines());
        assertEquals(List.of(Attribute.property("sendrecv")), sd.attributes());
        assertEquals(2, sd.media().size());

        MediaDescription audio = sd.media().get(0);
        assertEquals("audio", audio.media());
        assertEquals(49170, audio.port());
        assertEquals("RTP/AVP", audio.proto());
        assertEquals(List.of("0", "8", "97", "101"), audio.formats());
        assertEquals("192.0.2.11", sd.connectionFor(audio).address());
        assertEquals(new RtpMap(8, "PCMA", 8000, null), audio.rtpMap(8), "static type without rtpmap");
        assertEquals(new RtpMap(97, "iLBC", 8000, null), audio.rtpMap(97));
        assertEquals("0-15", audio.fmtp(101));
        assertEquals("20", audio.attribute("ptime"));
        assertEquals(Direction.SENDONLY, sd.directionFor(audio));

        MediaDescription video = sd.media().get(1);
        assertEquals("192.0.2.10", sd.connectionFor(video).address());
        assertEquals(Direction.SENDRECV, sd.directionFor(video), "session-level direction applies");
        assertNull(video.fmtp(31));
    }

    @Test
    void roundTripsExactly() throws Exception {
        SessionDescription sd = SdpParser.parse(OFFER);
        assertEquals(OFFER, sd.toString());
        assertEquals(sd, SdpParser.parse(sd.toString()));
    }

    @Test
    void acceptsBareLineFeedsAndTrailingSpaceAndPortCount() throws Exception {
        SessionDescription sd = SdpParser.parse("v=0\no=- 1 1 IN IP6 ::1 \ns=x\nc=IN IP6 ::1\nt=0 0\nm=audio 5004/2 RTP/AVP 0\n\n");
        assertEquals(2, sd.media().get(0).portCount());
        assertEquals(5004, sd.media().get(0).port());
        assertTrue(sd.toString().contains("m=audio 5004/2 RTP/AVP 0\r\n"));
    }

    @Test
    void nullAddressIsHold() {
        assertTrue(new Connection("IN", "IP4", "0.0.0.0").isNullAddress());
        assertTrue(!new Connection("IN", "IP4", "224.2.1.1/127/3").isNullAddress());
        assertEquals("224.2.1.1", new Connection("IN", "IP4", "224.2.1.1/127/3").host());
    }

    private static String error(String sdp) {
        SdpParseException e = assertThrows(SdpParseException.class, () -> SdpParser.parse(sdp));
        assertEquals(399, e.warnCode());
        return e.getMessage();
    }

    @Test
    void rejectsGarbageWithAMessageSayingWhatIsWrong() {
        assertTrue(error("hello world").contains("expected <type>=<value>"), error("hello world"));
        assertTrue(error("").contains("empty"));
        assertTrue(error("o=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\n").contains("missing v= line"));
        assertTrue(error("v=0\r\ns=-\r\n").contains("missing o= line"));
        assertTrue(error("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\n").contains("missing s= line"));
        assertTrue(error("v=1\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\n").contains("v=1"));
        assertTrue(error("v=0\r\no=- 1 IN IP4 1.2.3.4\r\ns=-\r\n").contains("bad o= line"));
        String base = "v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\ns=-\r\nt=0 0\r\n";
        assertTrue(error(base + "m=audio RTP/AVP 0\r\n").contains("bad m= line"));
        assertTrue(error(base + "m=audio 70000 RTP/AVP 0\r\n").contains("port '70000'"));
        assertTrue(error(base + "m=audio 4000 RTP/AVP PCMU\r\n").contains("payload type 'PCMU'"));
        assertTrue(error(base + "m=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU\r\n").contains("bad a=rtpmap"));
        assertTrue(error(base + "c=IN IP4\r\n").contains("bad c= line"));
        assertTrue(error(base + "x=1\r\n").contains("unknown line type"));
        assertTrue(error(base + "t=now\r\n").contains("bad t= line"));
        assertTrue(error(base + "v=0\r\n").contains("duplicate v="));
        assertTrue(error(base + "m=audio 4000 RTP/AVP 0\r\nt=0 0\r\n").contains("inside a media section"));
        assertTrue(error(base + "m=audio 4000 RTP/AVP 0\r\nbogus\r\n").contains("line 6"));
    }
}
