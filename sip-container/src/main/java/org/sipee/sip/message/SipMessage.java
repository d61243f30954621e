package org.sipee.sip.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A SIP request or response (RFC 3261 §7): an ordered list of header lines and a body.
 * Header lookups take the full or compact name in any case. Typed views of the headers every message
 * must carry (§8.1.1) are parsed on first use and cached until the headers change.
 */
public abstract sealed class SipMessage permits SipRequest, SipResponse {

    private static final byte[] NO_BODY = new byte[0];

    private final List<SipHeader> headers = new ArrayList<>(16);
    private byte[] body = NO_BODY;
    private String callId;
    private Via topVia;
    private CSeq cseq;
    private NameAddress from;
    private NameAddress to;

    /** The start line without CRLF. */
    public abstract String startLine();

    public List<SipHeader> headers() {
        return Collections.unmodifiableList(headers);
    }

    /** First value of the header (full or compact name, case-insensitive), or null. */
    public String header(String name) {
        String key = HeaderNames.key(name);
        for (SipHeader h : headers) {
            if (h.key().equals(key)) {
                return HeaderNames.isListValued(key) ? HeaderValues.first(h.value()) : h.value();
            }
        }
        return null;
    }

    /** All values of the header in order; comma-separated lists are split for list-valued headers. */
    public List<String> headerValues(String name) {
        String key = HeaderNames.key(name);
        boolean list = HeaderNames.isListValued(key);
        List<String> values = new ArrayList<>(2);
        for (SipHeader h : headers) {
            if (h.key().equals(key)) {
                if (list) {
                    HeaderValues.split(h.value(), values);
                } else {
                    values.add(h.value());
                }
            }
        }
        return values;
    }

    /** Header lines with this name, unsplit. */
    public List<SipHeader> headerLines(String name) {
        String key = HeaderNames.key(name);
        List<SipHeader> lines = new ArrayList<>(2);
        for (SipHeader h : headers) {
            if (h.key().equals(key)) {
                lines.add(h);
            }
        }
        return lines;
    }

    public boolean hasHeader(String name) {
        return header(name) != null;
    }

    public void addHeader(String name, String value) {
        SipHeader header = SipHeader.of(name, value);
        headers.add(header);
        invalidateView(header.key());
    }

    /** Replaces all lines of this header by one line holding value, at the place of the first one (or at the end). */
    public void setHeader(String name, String value) {
        SipHeader replacement = SipHeader.of(name, value);
        int first = -1;
        for (int i = headers.size() - 1; i >= 0; i--) {
            if (headers.get(i).key().equals(replacement.key())) {
                headers.remove(i);
                first = i;
            }
        }
        headers.add(first < 0 ? headers.size() : first, replacement);
        invalidateView(replacement.key());
    }

    public void removeHeader(String name) {
        String key = HeaderNames.key(name);
        headers.removeIf(h -> h.key().equals(key));
        invalidateView(key);
    }

    /**
     * Replaces the first value of the first Via line (e.g. after adding received/rport, RFC 3261 §18.2.1);
     * via becomes the {@link #topVia()} view rather than being parsed back from the line.
     */
    public void setTopVia(Via via) {
        for (int i = 0; i < headers.size(); i++) {
            SipHeader h = headers.get(i);
            if (h.key().equals("via")) {
                List<String> values = new ArrayList<>(2);
                HeaderValues.split(h.value(), values);
                values.set(0, via.toString());
                headers.set(i, new SipHeader(h.name(), h.key(), String.join(", ", values)));
                topVia = via;
                return;
            }
        }
        throw new IllegalStateException("message has no Via header");
    }

    public byte[] body() {
        return body;
    }

    /** Sets the body and the Content-Length header that describes it. */
    public void setBody(byte[] newBody) {
        body = newBody == null ? NO_BODY : newBody;
        setHeader(HeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
    }

    /** Sets the body as read from the wire, leaving headers untouched. */
    void setParsedBody(byte[] parsedBody) {
        body = parsedBody;
    }

    void addParsedHeader(SipHeader header) {
        headers.add(header);
    }

    public String callId() {
        if (callId == null) {
            callId = header(HeaderNames.CALL_ID);
        }
        return callId;
    }

    public Via topVia() {
        if (topVia == null) {
            String value = header(HeaderNames.VIA);
            topVia = value == null ? null : Via.parse(value);
        }
        return topVia;
    }

    public CSeq cseq() {
        if (cseq == null) {
            String value = header(HeaderNames.CSEQ);
            cseq = value == null ? null : CSeq.parse(value);
        }
        return cseq;
    }

    public NameAddress from() {
        if (from == null) {
            String value = header(HeaderNames.FROM);
            from = value == null ? null : NameAddress.parse(value, HeaderNames.FROM);
        }
        return from;
    }

    public NameAddress to() {
        if (to == null) {
            String value = header(HeaderNames.TO);
            to = value == null ? null : NameAddress.parse(value, HeaderNames.TO);
        }
        return to;
    }

    /**
     * Takes over the views a response shares with its request (§8.2.6.2: copied Via, From, Call-ID, CSeq and,
     * when no tag was added, To), so that they are not parsed again; views the request has not parsed stay unset.
     */
    void shareViews(SipMessage request, boolean sameTo) {
        callId = request.callId;
        topVia = request.topVia;
        cseq = request.cseq;
        from = request.from;
        to = sameTo ? request.to : null;
    }

    /** Drops the view of the header with this key after its lines changed. */
    private void invalidateView(String key) {
        switch (key) {
            case "call-id" -> callId = null;
            case "via" -> topVia = null;
            case "cseq" -> cseq = null;
            case "from" -> from = null;
            case "to" -> to = null;
            default -> {
            }
        }
    }

    @Override
    public String toString() {
        return startLine() + " (Call-ID " + callId() + ")";
    }
}
