package com.licensingportal.workflow;

import java.lang.reflect.Field;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The job executor's log lines name the jobs they run ({@code jobIds} in the MDC); the engine adds the process
 * instance, business key and activity while it executes a command (camunda.bpm.generic-properties, loggingContext*).
 * The job ids are the batch the engine hands to a worker thread, read from its runnable without depending on the
 * engine's internal classes: when a Camunda version renames the field, the lines only lose the ids.
 */
@Component
class JobLogContext implements BeanPostProcessor {

	static final String MDC_KEY = "jobIds";

	private static final Logger log = LoggerFactory.getLogger(JobLogContext.class);

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if ("camundaTaskExecutor".equals(beanName) && bean instanceof ThreadPoolTaskExecutor executor) {
			executor.setTaskDecorator(new JobIds());
		}
		return bean;
	}

	static final class JobIds implements TaskDecorator {

		@Override
		public Runnable decorate(Runnable runnable) {
			String jobIds = jobIds(runnable);
			if (jobIds == null) {
				return runnable;
			}
			return () -> {
				MDC.put(MDC_KEY, jobIds);
				try {
					runnable.run();
				}
				finally {
					MDC.remove(MDC_KEY);
				}
			};
		}

		private static String jobIds(Runnable runnable) {
			try {
				Field field = runnable.getClass().getDeclaredField("jobIds");
				field.setAccessible(true);
				return field.get(runnable) instanceof List<?> ids ? String.join(",", ids.stream().map(String::valueOf).toList())
						: null;
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				log.debug("No job ids in {}", runnable.getClass().getName());
				return null;
			}
		}

	}

}
