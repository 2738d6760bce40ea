package org.semiont.ops.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignalPlanTest {
    static Session session(int pid, String application, String state, long busySeconds, Integer... blockedBy) {
        Optional<Duration> age = Optional.of(Duration.ofSeconds(busySeconds));
        return new Session(pid, "semiont", "postgres", application, "127.0.0.1:5000", state, "", age,
                state.equals("idle") ? Optional.empty() : age, List.of(blockedBy), "SELECT " + pid);
    }

    private final List<Session> sessions = List.of(
            session(1, "psql", "active", 600),
            session(2, "psql", "idle in transaction", 600),
            session(3, "psql", "idle", 600),
            session(4, "psql", "active", 10),
            session(5, "semiont", "active", 600),
            session(6, "semiont start (pid 9 on host)", "idle in transaction", 600),
            session(7, "semiont-sql", "idle in transaction (aborted)", 600));

    @Test
    void older_than_takes_busy_sessions_past_the_limit_but_never_semiont_nor_idle_ones() {
        SignalPlan plan = SignalPlan.of(sessions, new Selection.OlderThan(Duration.ofMinutes(5), Optional.empty()));
        assertThat(plan.targets()).extracting(Session::pid).containsExactly(1, 2, 7);
        assertThat(plan.refusals()).isEmpty();
    }

    @Test
    void older_than_with_a_state_takes_only_that_state() {
        assertThat(SignalPlan.of(sessions, new Selection.OlderThan(Duration.ofMinutes(5), Optional.of(Selection.State.ACTIVE)))
                .targets()).extracting(Session::pid).containsExactly(1);
        assertThat(SignalPlan.of(sessions, new Selection.OlderThan(Duration.ofMinutes(5),
                Optional.of(Selection.State.IDLE_IN_TRANSACTION))).targets()).extracting(Session::pid).containsExactly(2, 7);
    }

    @Test
    void semiont_sessions_named_by_pid_need_include_semiont_and_unknown_pids_are_refused() {
        SignalPlan plain = SignalPlan.of(sessions, new Selection.ByPid(List.of(3, 5, 6, 42, 3), false));
        assertThat(plain.targets()).extracting(Session::pid).containsExactly(3);
        assertThat(plain.refusals()).extracting(SignalPlan.Refusal::pid).containsExactly(5, 6, 42);
        assertThat(plain.refusals().get(0).reason()).contains("--include-semiont");
        assertThat(plain.refusals().get(2).reason()).contains("no client session");
        assertThat(SignalPlan.of(sessions, new Selection.ByPid(List.of(5, 6), true)).targets()).extracting(Session::pid)
                .containsExactly(5, 6);
    }

    @Test
    void the_lock_tree_puts_the_blocker_at_the_root_and_its_waiters_below() {
        List<Session> chain = List.of(session(10, "app", "idle in transaction", 90), session(11, "app", "active", 60, 10),
                session(12, "app", "active", 30, 11), session(13, "app", "active", 20, 10), session(14, "app", "active", 5));
        assertThat(SessionsView.lockTree(chain, List.of(new LockWait(11, "relation", "RowExclusiveLock", Optional.of("documents")))))
                .satisfiesExactly(
                        l -> assertThat(l).startsWith("10  postgres  app  idle in transaction  1m30s"),
                        l -> assertThat(l).startsWith("├─ 11  postgres  app  active  1m00s  waits for RowExclusiveLock on table documents"),
                        l -> assertThat(l).startsWith("│  └─ 12  postgres  app  active  30.0s"),
                        l -> assertThat(l).startsWith("└─ 13  postgres  app  active  20.0s"));
        assertThat(SessionsView.lockTree(List.of(session(14, "app", "active", 5)), List.of())).isEmpty();
    }

    @Test
    void ages_read_at_a_glance() {
        assertThat(List.of(Duration.ofMillis(850), Duration.ofMillis(12_345), Duration.ofSeconds(245), Duration.ofMinutes(123),
                Duration.ofHours(76)).stream().map(d -> SessionsView.age(Optional.of(d))).toList())
                .containsExactly("850ms", "12.3s", "4m05s", "2h03m", "3d04h");
    }
}
