package org.sipee.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3550 §6 packets and the G.107 estimate. */
class RtcpTest {

    @Test
    void senderReportWithBlockAndCnameRoundTrips() {
        Rtcp.SenderInfo info = new Rtcp.SenderInfo(Rtcp.ntpTimestamp(1_700_000_000_123L), 0xFFFFFFF0L, 1234, 197_440);
        Rtcp.ReportBlock block = new Rtcp.ReportBlock(0xCAFEBABE, 13, -2, 70_000, 42, 0x12345678L, 65536);
        byte[] bytes = Rtcp.compound(0x11223344, info, List.of(block), "sipee@127.0.0.1", false);
        assertEquals(0, bytes.length % 4, "32-bit aligned (§6.4.1)");
        assertEquals(2, (bytes[0] & 0xFF) >> 6);
        assertEquals(Rtcp.SR, bytes[1] & 0xFF);
        Rtcp.Compound c = Rtcp.parse(bytes);
        assertEquals(1, c.reports().size());
        Rtcp.Report r = c.reports().get(0);
        assertEquals(0x11223344, r.ssrc());
        assertEquals(info, r.senderInfo());
        assertEquals(List.of(block), r.blocks(), "24-bit cumulative loss keeps its sign");
        assertEquals("sipee@127.0.0.1", c.cnames().get(0x11223344));
    }

    @Test
    void receiverReportWithoutBlocksAndBye() {
        byte[] bytes = Rtcp.compound(7, null, List.of(), "x", true);
        Rtcp.Compound c = Rtcp.parse(bytes);
        assertNull(c.reports().get(0).senderInfo());
        assertEquals(Rtcp.RR, bytes[1] & 0xFF);
        assertTrue(c.bye());
        assertEquals("x", c.cnames().get(7));
    }

    @Test
    void rejectsGarbage() {
        assertThrows(IllegalArgumentException.class, () -> Rtcp.parse(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
        byte[] truncated = Rtcp.compound(7, null, List.of(), "x", false);
        truncated[3] = 100; // length beyond the datagram
        assertThrows(IllegalArgumentException.class, () -> Rtcp.parse(truncated));
    }

    @Test
    void ntpTimestampOfTheUnixEpoch() {
        assertEquals(Rtcp.NTP_EPOCH_OFFSET << 32, Rtcp.ntpTimestamp(0));
        assertEquals((Rtcp.NTP_EPOCH_OFFSET << 32) | 0x80000000L, Rtcp.ntpTimestamp(500));
    }

    @Test
    void eModelForG711() {
        double perfect = EModel.rFactor(0, 0);
        assertEquals(93.2, perfect, 1e-9);
        assertEquals(4.41, EModel.mos(perfect), 0.01);
        double lossy = EModel.rFactor(60, 5); // Ie-eff = 95 * 5 / 30.1 = 15.8, Id = 1.44
        assertEquals(75.98, lossy, 0.05);
        assertTrue(EModel.mos(lossy) > 3.7 && EModel.mos(lossy) < 4.0, "MOS " + EModel.mos(lossy));
        assertTrue(EModel.rFactor(400, 0) < EModel.rFactor(150, 0) - 30, "beyond 177.3 ms delay hurts more");
        assertEquals(1, EModel.mos(-5));
    }
}
