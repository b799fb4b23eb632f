package com.licensingportal.workflow;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.collection.immutable.Map.Map1;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/**
 * Gives the DMN engine a FEEL engine that parses each expression once. Camunda's own
 * ({@link ScalaFeelEngine}) parses every input expression and every input entry of every rule again on each
 * evaluation, which was 12 % of the portal's CPU for a transfer (bench/FINDINGS.md). This is the same engine,
 * same value mappers, same variable context and same messages, with a cache of parse results in front: an
 * expression is the text of a deployed decision, so the cache holds what the deployed decisions contain; it is
 * emptied when it passes {@value #MAX_EXPRESSIONS} texts, so that many redeployed versions cannot grow it
 * without bound. {@code dmnFeelEnableLegacyBehavior} (the old JUEL-based FEEL) is left as it is.
 */
@Component
public class ParsedFeelCache extends AbstractProcessEnginePlugin {

	static final int MAX_EXPRESSIONS = 2_000;

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.isDmnFeelEnableLegacyBehavior()) {
			return;
		}
		DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
		if (dmn == null) {
			dmn = (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration();
			configuration.setDmnEngineConfiguration(dmn);
		}
		if (dmn.getFeelEngineFactory() == null) {
			DefaultDmnEngineConfiguration built = dmn;
			// the engine's builder sets the custom function providers on the configuration before it creates
			// the FEEL engine, so they are read then
			dmn.setFeelEngineFactory(() -> new CachingFeelEngine(built.getFeelCustomFunctionProviders()));
		}
	}

	/** Camunda's Scala FEEL engine, with each expression's parse result kept. */
	public static class CachingFeelEngine extends ScalaFeelEngine {

		private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();

		private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

		private final LongAdder parsed = new LongAdder();

		public CachingFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
			super(functionProviders);
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
			CustomContext context = new CustomContext() {
				@Override
				public VariableProvider variableProvider() {
					return new ContextVariableWrapper(variableContext);
				}
			};
			return (T) value(parsed(this.expressions, expression, this.feelEngine::parseExpression), context);
		}

		@Override
		public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
			StaticVariableProvider input = new StaticVariableProvider(
					new Map1<>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
			ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
			CustomContext context = new CustomContext() {
				@Override
				public VariableProvider variableProvider() {
					return new CompositeVariableProvider(toScalaList(input, variables));
				}
			};
			return BoxesRunTime.unboxToBoolean(value(parsed(this.unaryTests, expression, this.feelEngine::parseUnaryTests), context));
		}

		/** How many texts this engine has parsed since it was made (each at most once while it is cached). */
		public long parsedCount() {
			return this.parsed.sum();
		}

		private Either<Failure, ParsedExpression> parsed(Map<String, Either<Failure, ParsedExpression>> cache,
				String expression, Function<String, Either<Failure, ParsedExpression>> parser) {
			Either<Failure, ParsedExpression> known = cache.get(expression);
			if (known != null) {
				return known;
			}
			if (cache.size() >= MAX_EXPRESSIONS) {
				cache.clear();
			}
			return cache.computeIfAbsent(expression, text -> {
				this.parsed.increment();
				return parser.apply(text);
			});
		}

		@SuppressWarnings("unchecked")
		private Object value(Either<Failure, ParsedExpression> parsed, CustomContext context) {
			Either<Failure, Object> result = parsed instanceof Right<Failure, ParsedExpression> expression
					? this.feelEngine.eval(expression.value(), context) : (Either<Failure, Object>) (Either<?, ?>) parsed;
			if (result instanceof Left<Failure, Object> failure) {
				throw LOGGER.evaluationException(failure.value().message());
			}
			return ((Right<Failure, Object>) result).value();
		}

	}

}
