/**
 * An example loss jar, written as a third party writes one ({@code step}, {@code pinball}, {@code
 * focal}): for users, who put the jar on the class path and name its losses, and for loss authors,
 * who read it as a model of their own. It uses only the loss API, which it takes in {@code
 * provided} scope.
 */
package io.github.javanets.example;
