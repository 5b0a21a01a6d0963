/**
 * The {@code javanets} command line ({@code losses}, {@code train}, {@code predict}, {@code
 * evaluate}), for users, who run it as {@code java -jar cli/target/javanets.jar} or name {@link
 * io.github.javanets.cli.Javanets} as the main class with plugin jars on the class path. The
 * command, its options, output and exit codes are its interface; {@code Javanets} is the one type
 * for code ({@code main}, {@code execute}), everything else is internal to the command line.
 */
package io.github.javanets.cli;
