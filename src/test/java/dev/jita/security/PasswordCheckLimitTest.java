package dev.jita.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A flood of logins that each need bcrypt (slow here: strength 12) gets one check at a time and is otherwise
 * refused with 503 after a short wait, while a system administrator whose credentials are remembered keeps
 * being served: the flood's queue for bcrypt is not theirs. A script's parallel first requests with the same
 * right credentials are not such a flood: they share one check.
 */
@TestPropertySource(properties = {"jita.security.bcrypt-strength=12",
        "jita.security.max-concurrent-password-checks=1", "jita.security.password-check-wait=100ms"})
class PasswordCheckLimitTest extends ApiTest {

    private static final int FLOODERS = 16;

    @Test
    void aFloodOfBadLoginsIsRefusedWith503WhileRememberedCredentialsAreServed() throws Exception {
        // The administrator's credentials were checked by the test setup and are remembered from now on.
        assertThat(admin().get(MODES).status()).isEqualTo(200);

        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ConcurrentLinkedQueue<Http.Reply> floodReplies = new ConcurrentLinkedQueue<>();
        ExecutorService flood = Executors.newFixedThreadPool(FLOODERS);
        List<Http.Reply> adminReplies = new ArrayList<>();
        int answeredBeforeAdmin;
        try {
            for (int i = 0; i < FLOODERS; i++) {
                flood.submit(() -> {
                    while (flooding.get()) {
                        // A new user name each time: no throttle stops these, each one costs bcrypt.
                        floodReplies.add(http().as("guess-" + sequence.incrementAndGet(), "wrong").get(MODES));
                    }
                    return null;
                });
            }
            awaitA503(floodReplies);

            answeredBeforeAdmin = floodReplies.size();
            for (int i = 0; i < 10; i++) {
                adminReplies.add(admin().get(MODES));
            }
            // Still flooding: the flood was answered while the administrator's requests were.
            awaitMoreAnswers(floodReplies, answeredBeforeAdmin);
        } finally {
            flooding.set(false);
            flood.shutdown();
            assertThat(flood.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        for (Http.Reply reply : adminReplies) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        }
        for (Http.Reply reply : floodReplies) {
            assertThat(reply.status()).as(reply.toString()).isIn(401, 503);
            if (reply.status() == 503) {
                assertError(reply, 503, "503-00002");
                assertThat(reply.header("Retry-After")).isEqualTo("1");
            } else {
                assertError(reply, 401, "401-00002");
            }
        }
        assertThat(floodReplies).anyMatch(reply -> reply.status() == 401);
    }

    @Test
    void parallelFirstRequestsWithTheSameRightCredentialsShareOneCheck() throws Exception {
        TestWorkspace workspace = newWorkspace("parallel-login");
        int requests = 24;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(requests);
        List<Future<Http.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                // The viewer's first requests, all at once: none of them finds its credentials remembered.
                replies.add(callers.submit(() -> {
                    start.await();
                    return workspace.viewer().get("/api/" + workspace.org() + "/platform/maintenance-mode-setting");
                }));
            }
            start.countDown();
            for (Future<Http.Reply> reply : replies) {
                assertThat(reply.get(60, TimeUnit.SECONDS).status()).as(reply.get().toString()).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private static void awaitA503(ConcurrentLinkedQueue<Http.Reply> replies) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (replies.stream().noneMatch(reply -> reply.status() == 503)) {
            assertThat(System.nanoTime() < deadline).as("a 503 within 60 s of flooding; got " + replies).isTrue();
            Thread.sleep(20);
        }
    }

    private static void awaitMoreAnswers(ConcurrentLinkedQueue<Http.Reply> replies, int than)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (replies.size() <= than) {
            assertThat(System.nanoTime() < deadline).as("the flood goes on").isTrue();
            Thread.sleep(20);
        }
    }
}
