package io.github.javanets.loss;

/**
 * Run in a child JVM by {@link DiscoveryWithoutBackendTest}: discovers the losses on its class
 * path, lists and describes them, and prints what it saw.
 */
public final class NoBackendMain {
  private NoBackendMain() {}

  /**
   * Discovers, lists and describes.
   *
   * @param args the names to describe
   */
  public static void main(String[] args) {
    LossRegistry registry = LossRegistry.discover();
    System.out.println("names=" + registry.names());
    for (String name : args) {
      LossInfo info = registry.describe(name);
      System.out.println("describe=" + info + " from " + info.source());
      info.parameters().forEach(p -> System.out.println("  " + p));
    }
    System.out.println("problems=" + registry.problems().size());
  }
}
