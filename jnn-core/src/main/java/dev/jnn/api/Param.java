package dev.jnn.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one hyperparameter on a component of a parameter record, as scikit-learn's
 * {@code _parameter_constraints} does: its default, its constraint and a one-line doc. The name is the component's
 * in snake_case ({@code learningRateInit} → {@code learning_rate_init}); the type is the component's. A
 * {@link ParamTable} reads these declarations, and everything else (defaults, validation and its messages,
 * {@code get_params}/{@code set_params}, command-line options and their help) comes from it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {
    /** The default as Python writes it: {@code "100"}, {@code "relu"}, {@code "auto"}, {@code "None"}. */
    String value();

    /** The snake_case name where the component's does not give it ({@code l1Ratio} is {@code l1_ratio}). */
    String name() default "";

    /** What the parameter does, in one line. */
    String doc();

    /**
     * For numbers (and each number of a tuple): the interval of allowed values, e.g. {@code "[0, inf)"},
     * {@code "(0, 1]"}; empty for any value.
     */
    String range() default "";

    /** For enums: the Python names allowed, when not all of the enum's constants are. */
    String[] choices() default {};

    /** For a nullable component: the word that stands for null ({@code "auto"}, {@code "None"}). */
    String none() default "";

    /** For a float: whether only whole numbers and +inf are allowed (scikit-learn's {@code n_iter_no_change}). */
    boolean wholeOrInf() default false;

    /** The constraint as the error message says it, where the generated wording would differ from scikit-learn's. */
    String says() default "";

    /** The command line's placeholder, where the type's own ({@code N}, {@code X}, the choices) does not fit. */
    String label() default "";
}
