package com.licensingportal.text;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * {@code #when} in the templates of pages and emails: days and moments written as the reader's language writes them
 * ({@link When}). {@code ${#when.day(item.expiresAt)}}, {@code ${#when.time(t.requestedAt)}},
 * {@code ${#when.seconds(entry.occurredAt)}}.
 */
public final class WhenDialect extends AbstractDialect implements IExpressionObjectDialect {

	public WhenDialect() {
		super("when");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of("when");
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return new Writer(context.getLocale());
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}

		};
	}

	/** {@code #when}: the template's language bound. */
	public static final class Writer {

		private final Locale locale;

		Writer(Locale locale) {
			this.locale = locale;
		}

		/** A day ({@link LocalDate}), or the UTC day of a moment ({@link Instant}). */
		public String day(Object when) {
			if (when instanceof Instant moment) {
				return When.day(moment, this.locale);
			}
			return When.day((LocalDate) when, this.locale);
		}

		/** A moment to the minute, UTC said. */
		public String time(Instant when) {
			return When.time(when, this.locale);
		}

		/** A moment to the second, UTC said. */
		public String seconds(Instant when) {
			return When.seconds(when, this.locale);
		}

	}

}
