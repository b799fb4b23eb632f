package com.licensingportal.security;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * HTTP sessions live in the database (Spring Session JDBC; Flyway's V10 makes the tables), so that every node
 * knows every login. Two things beyond Spring Session's defaults: a stored session that can no longer be read
 * means "log in again", and two requests of one session that add the same attribute at once both succeed.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SessionStoreConfiguration.class);

	/** H2's upsert; MySQL and MariaDB get Spring Session's own ({@code ON DUPLICATE KEY UPDATE}). */
	private static final String H2_CREATE_SESSION_ATTRIBUTE_QUERY = """
			MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)
			""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionStore(DataSource dataSource) {
		String database = databaseProduct(dataSource);
		ClassLoader classLoader = SessionStoreConfiguration.class.getClassLoader();
		return repository -> {
			repository.setConversionService(readableOrForgotten(classLoader));
			if (database.contains("mysql") || database.contains("mariadb")) {
				new MySqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
			}
			else if (database.contains("h2")) {
				repository.setCreateSessionAttributeQuery(H2_CREATE_SESSION_ATTRIBUTE_QUERY);
			}
		};
	}

	/**
	 * Session attributes are serialized Java objects. One written by an older release may no longer deserialize
	 * (a class changed or is gone): it reads as absent instead of failing the request, so a stale login means
	 * "log in again", a stale saved request or flash message is forgotten.
	 */
	static GenericConversionService readableOrForgotten(ClassLoader classLoader) {
		DeserializingConverter deserializer = new DeserializingConverter(classLoader);
		GenericConversionService conversions = new GenericConversionService();
		conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversions.addConverter(byte[].class, Object.class, (Converter<byte[], Object>) bytes -> {
			try {
				return deserializer.convert(bytes);
			}
			catch (SerializationFailedException ex) {
				log.warn("A stored session attribute cannot be read by this release ({}); it counts as absent, and a "
						+ "login in that session must be made again", ex.getMostSpecificCause().toString());
				return null;
			}
		});
		return conversions;
	}

	private static String databaseProduct(DataSource dataSource) {
		try {
			return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
				.toLowerCase(Locale.ROOT);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database keeps the sessions", ex);
		}
	}

}
