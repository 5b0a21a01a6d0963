/**
 * The checks that every javanets module's tests run on the module's own compiled code: the layer
 * and marking rules ({@link io.github.javanets.conventions.ModuleRules}) and the shape of {@code
 * Errors} classes ({@link io.github.javanets.conventions.ErrorsClasses}). For javanets' own builds
 * only (test scope); outside use is unsupported.
 */
@API(status = INTERNAL, since = "0.1")
package io.github.javanets.conventions;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
