package org.sipee.sip.message;

/** CSeq header value (RFC 3261 §8.1.1.5, §20.16): a sequence number below 2^31 and a method. */
public record CSeq(long number, String method) {

    private static final long LIMIT = 1L << 31;

    public static CSeq parse(String value) {
        ValueCursor c = new ValueCursor(value, HeaderNames.CSEQ);
        String number = c.token();
        String method = c.token();
        if (method.isEmpty() || !c.atEnd()) {
            throw c.error("expected a sequence number and a method");
        }
        if (!ValueCursor.isDigits(number)) {
            throw c.error("sequence number '" + number + "' is not a non-negative integer");
        }
        long n = ValueCursor.value(number, LIMIT);
        if (n >= LIMIT) { // RFC 4475 §3.1.2.4, §3.1.2.5
            throw c.error("sequence number is not below 2^31");
        }
        return new CSeq(n, method);
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
