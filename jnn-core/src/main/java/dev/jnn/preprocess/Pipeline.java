package dev.jnn.preprocess;

import dev.jnn.api.Transformer;

import dev.jnn.api.Classifier;
import dev.jnn.api.Estimator;
import dev.jnn.api.Regressor;
import dev.jnn.tensor.Tensor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * scikit-learn's {@code Pipeline}: transformers applied in order, then a final model. Each transformer is fitted
 * on the output of the previous ones, on the training rows only. Parameters are addressed as
 * {@code step__param} (e.g. {@code scaler__with_mean}, {@code mlp__alpha}), so grid search can tune any step.
 */
public abstract sealed class Pipeline implements Estimator permits Pipeline.OfClassifier, Pipeline.OfRegressor {
    /** A named transformer. */
    public record Step(String name, Transformer transformer) {
    }

    /** A named step, for {@link #of}. */
    public static Step step(String name, Transformer transformer) {
        return new Step(name, transformer);
    }

    final List<Step> steps;
    final String modelName;

    Pipeline(List<Step> steps, String modelName) {
        Set<String> names = new HashSet<>();
        for (Step s : steps) {
            if (s.name().contains("__") || !names.add(s.name())) {
                throw new IllegalArgumentException("Names provided are not unique or contain '__': " + s.name());
            }
        }
        if (modelName.contains("__") || !names.add(modelName)) {
            throw new IllegalArgumentException("Names provided are not unique or contain '__': " + modelName);
        }
        this.steps = List.copyOf(steps);
        this.modelName = modelName;
    }

    /** A pipeline ending in a classifier. */
    public static OfClassifier of(List<Step> steps, String name, Classifier model) {
        return new OfClassifier(steps, name, model);
    }

    /** A pipeline ending in a regressor. */
    public static OfRegressor of(List<Step> steps, String name, Regressor model) {
        return new OfRegressor(steps, name, model);
    }

    abstract Estimator model();

    /** The last step, the model ({@code pipeline[-1]} in scikit-learn). */
    public Estimator finalEstimator() {
        return model();
    }

    /** The model's step name. */
    public String modelName() {
        return modelName;
    }

    @Override
    public abstract Pipeline clone();

    /** The transformers, in order. */
    public List<Step> steps() {
        return steps;
    }

    /** Fits every transformer in turn; returns the rows the model trains on. */
    Tensor fitTransformers(Tensor x) {
        Tensor t = x;
        for (Step s : steps) {
            t = s.transformer().fitTransform(t);
        }
        return t;
    }

    /** Applies the fitted transformers. */
    public Tensor transform(Tensor x) {
        Tensor t = x;
        for (Step s : steps) {
            t = s.transformer().transform(t);
        }
        return t;
    }

    @Override
    public Map<String, Object> getParams() {
        Map<String, Object> p = new LinkedHashMap<>();
        for (Step s : steps) {
            s.transformer().getParams().forEach((k, v) -> p.put(s.name() + "__" + k, v));
        }
        model().getParams().forEach((k, v) -> p.put(modelName + "__" + k, v));
        return p;
    }

    @Override
    public Pipeline setParams(Map<String, ?> params) {
        Map<String, Map<String, Object>> byStep = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : params.entrySet()) {
            int cut = e.getKey().indexOf("__");
            String step = cut < 0 ? "" : e.getKey().substring(0, cut);
            boolean known = step.equals(modelName) || steps.stream().anyMatch(s -> s.name().equals(step));
            if (!known) {
                throw new IllegalArgumentException("Invalid parameter '" + e.getKey() + "' for estimator Pipeline."
                        + " Valid parameters are step__param with steps " + stepNames() + ".");
            }
            byStep.computeIfAbsent(step, k -> new LinkedHashMap<>()).put(e.getKey().substring(cut + 2), e.getValue());
        }
        byStep.forEach((step, values) -> {
            if (step.equals(modelName)) {
                model().setParams(values);
            } else {
                steps.stream().filter(s -> s.name().equals(step)).findFirst().orElseThrow().transformer().setParams(values);
            }
        });
        return this;
    }

    List<Step> copySteps() {
        List<Step> out = new ArrayList<>();
        for (Step s : steps) {
            out.add(new Step(s.name(), s.transformer().copy()));
        }
        return out;
    }

    private List<String> stepNames() {
        List<String> names = new ArrayList<>(steps.stream().map(Step::name).toList());
        names.add(modelName);
        return names;
    }

    @Override
    public String toString() {
        return "Pipeline(steps=" + stepNames() + ")";
    }

    /** A pipeline whose last step is a classifier. */
    public static final class OfClassifier extends Pipeline implements Classifier {
        private final Classifier model;

        OfClassifier(List<Step> steps, String name, Classifier model) {
            super(steps, name);
            this.model = model;
        }

        @Override
        Classifier model() {
            return model;
        }

        @Override
        public OfClassifier fit(Tensor x, int[] y) {
            model.fit(fitTransformers(x), y);
            return this;
        }

        @Override
        public int[] predict(Tensor x) {
            return model.predict(transform(x));
        }

        @Override
        public double[][] predictProba(Tensor x) {
            return model.predictProba(transform(x));
        }

        @Override
        public boolean hasDecisionFunction() {
            return model.hasDecisionFunction();
        }

        @Override
        public double[][] decisionFunction(Tensor x) {
            return model.decisionFunction(transform(x));
        }

        @Override
        public int[] classes() {
            return model.classes();
        }

        @Override
        public double score(Tensor x, int[] y) {
            return model.score(transform(x), y);
        }

        @Override
        public OfClassifier setParams(Map<String, ?> params) {
            super.setParams(params);
            return this;
        }

        @Override
        public OfClassifier clone() {
            return new OfClassifier(copySteps(), modelName, model.clone());
        }
    }

    /** A pipeline whose last step is a regressor. */
    public static final class OfRegressor extends Pipeline implements Regressor {
        private final Regressor model;

        OfRegressor(List<Step> steps, String name, Regressor model) {
            super(steps, name);
            this.model = model;
        }

        @Override
        Regressor model() {
            return model;
        }

        @Override
        public OfRegressor fit(Tensor x, double[] y) {
            model.fit(fitTransformers(x), y);
            return this;
        }

        @Override
        public double[] predict(Tensor x) {
            return model.predict(transform(x));
        }

        @Override
        public double score(Tensor x, double[] y) {
            return model.score(transform(x), y);
        }

        @Override
        public OfRegressor setParams(Map<String, ?> params) {
            super.setParams(params);
            return this;
        }

        @Override
        public OfRegressor clone() {
            return new OfRegressor(copySteps(), modelName, model.clone());
        }
    }
}
