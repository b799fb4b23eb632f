package com.licensingportal.base;

import java.util.Arrays;
import java.util.List;

import com.licensingportal.support.PortalIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repositories are made after the rest of the context (application.yml: {@code bootstrap-mode: deferred}, for a
 * quicker first page), but still before the portal counts as started: a query that does not parse stops the start
 * instead of failing a user's request later, as it would with {@code lazy}.
 */
class RepositoriesAtStartTest extends PortalIntegrationTest {

	@Autowired
	ConfigurableListableBeanFactory beans;

	@Test
	void everyRepositoryIsMadeOnceThePortalHasStarted() {
		List<String> repositories = Arrays
			.stream(this.beans.getBeanNamesForType(RepositoryFactoryBeanSupport.class, true, false))
			.map(name -> name.startsWith("&") ? name.substring(1) : name)
			.toList();

		assertThat(repositories).hasSizeGreaterThan(10);
		assertThat(repositories).allSatisfy(name -> assertThat(this.beans.containsSingleton(name))
			.as("repository %s made at start", name)
			.isTrue());
	}

}
