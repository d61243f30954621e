package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4733 payload, sender and detector. */
class DtmfTest {

    @Test
    void payloadRoundTripsWithEndBitVolumeAndDuration() {
        TelephoneEvent e = new TelephoneEvent(11, true, 10, 0xABCD);
        byte[] bytes = e.encode();
        assertArrayEquals(new byte[] {11, (byte) 0x8A, (byte) 0xAB, (byte) 0xCD}, bytes);
        assertEquals(e, TelephoneEvent.decode(bytes));
        assertEquals(new TelephoneEvent(5, false, 63, 0), TelephoneEvent.decode(new byte[] {5, 0x7F, 0, 0}), "R bit ignored");
        assertThrows(IllegalArgumentException.class, () -> TelephoneEvent.decode(new byte[3]));
    }

    @Test
    void digitsMapToEventCodes() {
        assertEquals(0, TelephoneEvent.eventOf('0'));
        assertEquals(10, TelephoneEvent.eventOf('*'));
        assertEquals(11, TelephoneEvent.eventOf('#'));
        assertEquals(15, TelephoneEvent.eventOf('d'));
        assertEquals('#', TelephoneEvent.digitOf(11));
        assertEquals(0, TelephoneEvent.digitOf(32), "fax tones are not digits");
        assertThrows(IllegalArgumentException.class, () -> TelephoneEvent.eventOf('x'));
    }

    private static List<DtmfSender.Packet> all(DtmfSender s) {
        List<DtmfSender.Packet> out = new ArrayList<>();
        while (!s.done()) {
            out.add(s.next());
        }
        return out;
    }

    @Test
    void senderSendsStartUpdatesAndThreeEndPackets() {
        List<DtmfSender.Packet> packets = all(new DtmfSender('5', 800, 160)); // 100 ms
        assertEquals(7, packets.size());
        int[] durations = {160, 320, 480, 640, 800, 800, 800};
        for (int i = 0; i < packets.size(); i++) {
            DtmfSender.Packet p = packets.get(i);
            TelephoneEvent e = TelephoneEvent.decode(p.payload());
            assertEquals(5, e.event());
            assertEquals(i == 0, p.marker(), "marker only on the first packet");
            assertEquals(0, p.timestampOffset(), "one timestamp for the whole event");
            assertEquals(durations[i], e.duration());
            assertEquals(i >= 4, e.end(), "E bit on the last three");
        }
    }

    @Test
    void longEventIsSplitIntoSegments() {
        List<DtmfSender.Packet> packets = all(new DtmfSender('1', 80_000, 160)); // 10 s > 0xFFFF units
        DtmfSender.Packet full = packets.stream().filter(p -> TelephoneEvent.decode(p.payload()).duration() == 0xFFFF).findFirst().orElseThrow();
        assertEquals(0, full.timestampOffset());
        assertFalse(TelephoneEvent.decode(full.payload()).end());
        DtmfSender.Packet last = packets.get(packets.size() - 1);
        assertEquals(0xFFFF, last.timestampOffset(), "the second segment starts at timestamp + 0xFFFF");
        assertEquals(80_000 - 0xFFFF, TelephoneEvent.decode(last.payload()).duration());
        assertTrue(packets.stream().skip(1).noneMatch(DtmfSender.Packet::marker));

        List<DtmfEvent> got = new ArrayList<>();
        DtmfDetector d = new DtmfDetector(got::add);
        long base = 1_000_000;
        for (DtmfSender.Packet p : packets) {
            d.accept(new RtpPacket(p.marker(), 101, 0, base + p.timestampOffset(), 1, p.payload()));
        }
        assertEquals(List.of(new DtmfEvent('1', Duration.ofSeconds(10))), got);
    }

    @Test
    void detectorReportsEachDigitOnceDespiteRetransmissionsAndReordering() {
        List<DtmfEvent> got = new ArrayList<>();
        DtmfDetector d = new DtmfDetector(got::add);
        long ts = 0xFFFFFF00L; // wraps during the call
        for (char digit : "159#".toCharArray()) {
            List<DtmfSender.Packet> packets = all(new DtmfSender(digit, 800, 160));
            for (DtmfSender.Packet p : packets) {
                d.accept(new RtpPacket(p.marker(), 101, 0, ts, 7, p.payload()));
            }
            d.accept(new RtpPacket(false, 101, 0, ts, 7, packets.get(6).payload())); // a duplicate end
            ts = (ts + 2000) & 0xFFFFFFFFL;
        }
        // a stale end packet of '9' after '#' started
        d.accept(new RtpPacket(false, 101, 0, (ts - 4000) & 0xFFFFFFFFL, 7, new TelephoneEvent(9, true, 10, 800).encode()));
        assertEquals("159#", digits(got));
        assertTrue(got.stream().allMatch(e -> e.duration().equals(Duration.ofMillis(100))), got.toString());
    }

    @Test
    void digitWithoutEndPacketsIsReportedWhenTheNextStarts() {
        List<DtmfEvent> got = new ArrayList<>();
        DtmfDetector d = new DtmfDetector(got::add);
        d.accept(new RtpPacket(true, 101, 0, 1000, 7, new TelephoneEvent(1, false, 10, 160).encode()));
        d.accept(new RtpPacket(false, 101, 1, 1000, 7, new TelephoneEvent(1, false, 10, 480).encode()));
        assertEquals("", digits(got));
        d.accept(new RtpPacket(true, 101, 2, 3000, 7, new TelephoneEvent(2, true, 10, 400).encode()));
        assertEquals("12", digits(got));
        assertEquals(Duration.ofMillis(60), got.get(0).duration());
    }

    private static String digits(List<DtmfEvent> events) {
        StringBuilder b = new StringBuilder();
        events.forEach(e -> b.append(e.digit()));
        return b.toString();
    }
}
