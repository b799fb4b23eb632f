package com.licensingportal.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/** The job executor's worker lines name the jobs they run: the engine's batch of job ids is in the MDC meanwhile. */
class JobLogContextTest {

	/** Shaped like the engine's ExecuteJobsRunnable: the batch in a field named jobIds. */
	static final class EngineBatch implements Runnable {

		final List<String> jobIds;

		final List<String> seen = new ArrayList<>();

		final CountDownLatch done = new CountDownLatch(1);

		EngineBatch(List<String> jobIds) {
			this.jobIds = jobIds;
		}

		@Override
		public void run() {
			this.seen.add(MDC.get(JobLogContext.MDC_KEY));
			this.done.countDown();
		}

	}

	@Test
	void aBatchOfJobsRunsWithTheirIdsInTheLogContextAndLeavesNoneBehind() {
		EngineBatch batch = new EngineBatch(List.of("4711", "4712"));

		new JobLogContext.JobIds().decorate(batch).run();

		assertThat(batch.seen).containsExactly("4711,4712");
		assertThat(MDC.get(JobLogContext.MDC_KEY)).isNull();
	}

	@Test
	void otherWorkRunsAsItIs() {
		Runnable plain = () -> {
		};
		assertThat(new JobLogContext.JobIds().decorate(plain)).isSameAs(plain);
	}

	@Test
	void onlyCamundasTaskExecutorIsDecorated() {
		ThreadPoolTaskExecutor camunda = new ThreadPoolTaskExecutor();
		ThreadPoolTaskExecutor other = new ThreadPoolTaskExecutor();
		JobLogContext context = new JobLogContext();
		context.postProcessBeforeInitialization(camunda, "camundaTaskExecutor");
		context.postProcessBeforeInitialization(other, "applicationTaskExecutor");
		camunda.initialize();
		other.initialize();
		try {
			EngineBatch onCamunda = new EngineBatch(List.of("1"));
			EngineBatch onOther = new EngineBatch(List.of("2"));
			// The engine hands its batches to execute(), as here.
			camunda.execute(onCamunda);
			other.execute(onOther);
			assertThat(onCamunda.done.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(onOther.done.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(onCamunda.seen).containsExactly("1");
			assertThat(onOther.seen).containsExactly((String) null);
		}
		catch (InterruptedException ex) {
			throw new AssertionError(ex);
		}
		finally {
			camunda.shutdown();
			other.shutdown();
		}
	}

}
