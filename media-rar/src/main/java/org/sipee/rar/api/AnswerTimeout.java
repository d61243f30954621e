package org.sipee.rar.api;

import java.time.Duration;

/**
 * What an incoming call gets when its application neither answers nor rejects it in time: {@code status} (e.g. 480
 * Temporarily Unavailable) after {@code after}; a zero duration means never.
 */
public record AnswerTimeout(Duration after, int status) {

    public boolean isOff() {
        return after.isZero();
    }
}
