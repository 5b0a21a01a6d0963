package io.github.javanets.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.nd4j.imports.converters.DifferentialFunctionClassHolder;
import org.nd4j.imports.descriptors.tensorflow.TensorflowDescriptorParser;
import org.nd4j.ir.OpDescriptorHolder;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Start-up work that every {@code train} needs and that depends on none of its options, begun on a
 * background thread when the command starts, so that a second core does it while the main thread
 * starts ND4J, reads the data and builds the model (README, "Start-up"):
 *
 * <ul>
 *   <li>ND4J's op descriptors ({@code OpDescriptorHolder}) and TensorFlow's ({@code
 *       TensorflowDescriptorParser.opDescs}), text files of several thousand lines;
 *   <li>once the main thread has started ND4J ({@link #startBackend}), SameDiff's op registry
 *       ({@code DifferentialFunctionClassHolder}: every op class instantiated, ONNX's descriptors
 *       parsed), which SameDiff builds the first time it makes a gradient function.
 * </ul>
 *
 * <p>Nothing here loads a native library: JavaCPP, loading ND4J's on the main thread, calls {@code
 * dlopen} from inside {@code dl_iterate_phdr} ({@code Loader.addressof}), which deadlocks against a
 * {@code dlopen} on another thread (seen here: Java's image and font set-up, once part of this
 * warm-up, loading {@code libfontmanager} hung {@code train} forever in about one run of 20).
 *
 * <p>ND4J keeps each of these for the process once built, behind its own locks (class
 * initialisation, {@code opDescs}' monitor): the main thread, arriving first, does the work itself,
 * arriving later, waits for it or finds it done. The two threads cannot wait for each other: no
 * class initialiser in ND4J reaches these holders (only methods do, which the main thread calls
 * holding no initialisation lock), the op classes' initialisers reach nothing but classes ND4J has
 * initialised already, and this thread never starts ND4J itself (it waits for the main thread to).
 * It changes when the work runs, never what it computes. A failure here is ignored: the main thread
 * meets it again where it needs the result and reports it there. The thread is a daemon: it never
 * delays the end of the process.
 */
final class WarmUp {
  private static final String NAME = "javanets-warm-up";
  private static final long BACKEND_WAIT_SECONDS = 60;

  private final CountDownLatch backend = new CountDownLatch(1);
  private final Thread thread;

  private WarmUp() {
    thread = new Thread(this::training, NAME);
    thread.setDaemon(true);
  }

  /** Starts the warm-up of {@code train} on a daemon thread and returns at once. */
  static WarmUp startForTraining() {
    WarmUp warmUp = new WarmUp();
    warmUp.thread.start();
    return warmUp;
  }

  /**
   * Starts ND4J's backend on the calling (main) thread, if {@code --threads} has not started it
   * already, and lets the warm-up build SameDiff's op registry, which needs the backend.
   */
  void startBackend() {
    Nd4j.getBackend();
    backend.countDown();
  }

  /** The thread doing the work. */
  Thread thread() {
    return thread;
  }

  /** The work itself, in the order {@code train} needs it. */
  private void training() {
    try {
      OpDescriptorHolder.opList();
      TensorflowDescriptorParser.opDescs();
      if (!backend.await(BACKEND_WAIT_SECONDS, TimeUnit.SECONDS)) {
        return; // the command ended, or failed, before it started ND4J
      }
      DifferentialFunctionClassHolder.getInstance();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | LinkageError e) {
      // The main thread does the same work later and reports its failure where it needs it.
    }
  }
}
