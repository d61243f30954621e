package org.sipee.media;

/** The two G.711 laws as RTP audio codecs with their static payload types (RFC 3551 §4.5.14, §6). */
public enum G711Codec {
    PCMU(0), PCMA(8);

    private final int payloadType;

    G711Codec(int payloadType) {
        this.payloadType = payloadType;
    }

    public int payloadType() {
        return payloadType;
    }

    /** The codec of a payload type number as negotiated, e.g. 0 or 8. */
    public static G711Codec forPayloadType(int payloadType) {
        for (G711Codec c : values()) {
            if (c.payloadType == payloadType) {
                return c;
            }
        }
        throw new IllegalArgumentException("payload type " + payloadType + " is neither PCMU (0) nor PCMA (8)");
    }

    /** One byte per sample. */
    public byte[] encode(short[] pcm) {
        byte[] out = new byte[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = this == PCMU ? G711.linearToUlaw(pcm[i]) : G711.linearToAlaw(pcm[i]);
        }
        return out;
    }

    public short[] decode(byte[] encoded) {
        short[] out = new short[encoded.length];
        for (int i = 0; i < encoded.length; i++) {
            out[i] = this == PCMU ? G711.ulawToLinear(encoded[i]) : G711.alawToLinear(encoded[i]);
        }
        return out;
    }

    /** The codec of an SDP encoding name (case-insensitive, RFC 8866 §6.6). */
    public static G711Codec forEncodingName(String encodingName) {
        for (G711Codec c : values()) {
            if (c.name().equalsIgnoreCase(encodingName)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unsupported encoding '" + encodingName + "', only PCMU and PCMA");
    }
}
