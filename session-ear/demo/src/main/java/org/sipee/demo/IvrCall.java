package org.sipee.demo;

import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

import org.sipee.demo.IvrPrompts.Prompt;
import org.sipee.session.Call;

/**
 * One caller in the IVR menu, a state machine driven by four events: a prompt played to its end, a key
 * (RFC 4733), the choice timer, and the end of the call. A key is taken while a prompt still plays (barge-in: it
 * stops the prompt). Events come from the call's worker (keys, prompt ends, the end of the call) and from the
 * scheduler (the timer), hence the lock; a stale prompt end or timer is recognised by its turn number.
 *
 * <pre>
 * MENU     --played--> WAITING (timer armed)    MENU, INVALID, WAITING --choice--> HANDED_OFF
 * INVALID  --played--> MENU                      MENU, INVALID, WAITING --other key--> INVALID
 * WAITING  --timer--> MENU, or GOODBYE after the last replay
 * GOODBYE  --played--> ENDED (we hang up)        any --call ended--> ENDED
 * </pre>
 */
final class IvrCall {

    private static final Logger LOG = Logger.getLogger(IvrCall.class.getName());

    enum State {
        MENU, INVALID, WAITING, GOODBYE, HANDED_OFF, ENDED;

        /** Where a key is a menu choice; later keys belong to the demo the call went to, or to nobody. */
        boolean takesKeys() {
            return this == MENU || this == INVALID || this == WAITING;
        }
    }

    private final Call call;
    private final IvrPrompts prompts;
    private final IvrSettings settings;
    private final ScheduledExecutorService timers;
    private final Map<Character, Consumer<Call>> choices;
    private State state = State.MENU;
    /** Counts prompts and timers: each event carries the turn it was started in, older ones are stale. */
    private int turn;
    private int replays;
    private ScheduledFuture<?> timer;

    IvrCall(Call call, IvrPrompts prompts, IvrSettings settings, ScheduledExecutorService timers,
            Map<Character, Consumer<Call>> choices) {
        this.call = call;
        this.prompts = prompts;
        this.settings = settings;
        this.timers = timers;
        this.choices = choices;
    }

    synchronized void start() {
        call.onDtmf(this::key);
        play(State.MENU, Prompt.MENU);
    }

    private synchronized void key(char key) {
        if (!state.takesKeys()) {
            return;
        }
        cancelTimer();
        turn++; // the prompt's end, when it comes, is stale
        Consumer<Call> choice = choices.get(key);
        if (choice == null) {
            LOG.info(() -> "IVR call " + call.callId() + ": no choice '" + key + "'");
            play(State.INVALID, Prompt.INVALID);
            return;
        }
        LOG.info(() -> "IVR call " + call.callId() + " chose '" + key + "'");
        state = State.HANDED_OFF;
        call.stopPlaying();
        choice.accept(call);
    }

    private synchronized void played(int startedIn) {
        if (startedIn != turn) {
            return;
        }
        switch (state) {
            case MENU -> {
                state = State.WAITING;
                int armedIn = turn;
                timer = timers.schedule(() -> timedOut(armedIn), settings.choiceTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            case INVALID -> play(State.MENU, Prompt.MENU);
            case GOODBYE -> {
                state = State.ENDED;
                call.hangUp();
            }
            case WAITING, HANDED_OFF, ENDED -> throw new IllegalStateException("no prompt plays in state " + state);
        }
    }

    private synchronized void timedOut(int armedIn) {
        if (armedIn != turn || state != State.WAITING) {
            return;
        }
        try {
            if (replays++ < settings.replays()) {
                play(State.MENU, Prompt.MENU);
            } else {
                play(State.GOODBYE, Prompt.GOODBYE);
            }
        } catch (IllegalStateException callGone) {
            // on the scheduler's thread the call can end between the timer and its @Bye: nothing left to do
            state = State.ENDED;
        }
    }

    /** The call is over (or the application stops): no timer may outlive it, a prompt's end is stale. */
    synchronized void ended() {
        state = State.ENDED;
        turn++;
        cancelTimer();
    }

    /** Only a prompt heard to its end moves on; one cut short (replaced, or the call ended) is stale or moot. */
    private void play(State next, Prompt prompt) {
        state = next;
        int startedIn = ++turn;
        call.play(prompts.file(prompt)).whenComplete((toTheEnd, failure) -> {
            if (failure != null) {
                LOG.warning(() -> "IVR call " + call.callId() + " cannot play " + prompt + ": " + failure.getMessage());
                call.hangUp();
            } else if (toTheEnd) {
                played(startedIn);
            }
        });
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
