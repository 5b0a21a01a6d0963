package io.github.javanets.cli;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import org.nd4j.imports.descriptors.tensorflow.TensorflowDescriptorParser;
import org.nd4j.ir.OpDescriptorHolder;

/**
 * Start-up work that every {@code train} needs and that depends on none of its options, begun on a
 * background thread when the command starts, so that a second core does it while the main thread
 * starts ND4J, reads the data and builds the model (README, "Start-up"):
 *
 * <ul>
 *   <li>ND4J's op descriptors ({@code OpDescriptorHolder}) and TensorFlow's ({@code
 *       TensorflowDescriptorParser.opDescs}), text files of several thousand lines that SameDiff
 *       parses the first time it builds a gradient function; ND4J keeps both, once parsed, for the
 *       process;
 *   <li>Java's image and font set-up, which the plot needs at the end.
 * </ul>
 *
 * <p>Only self-contained parsing and JDK set-up runs here, behind ND4J's own locks (the class
 * initialisation of {@code OpDescriptorHolder}, {@code opDescs}' monitor): none of it starts ND4J's
 * backend or touches a class the main thread initialises meanwhile, so the two threads cannot wait
 * for each other, and the main thread, arriving first, simply does the work itself. It changes when
 * the work runs, never what it computes. A failure here is ignored: the main thread meets it again
 * where it needs the result and reports it there. The thread is a daemon: it never delays the end
 * of the process.
 */
final class WarmUp {
  private static final String NAME = "javanets-warm-up";

  private WarmUp() {}

  /** Starts the warm-up of {@code train} on a daemon thread and returns at once. */
  static Thread startForTraining() {
    Thread thread = new Thread(WarmUp::training, NAME);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** The work itself, in the order {@code train} needs it. */
  static void training() {
    try {
      OpDescriptorHolder.opList();
      TensorflowDescriptorParser.opDescs();
      graphics();
    } catch (RuntimeException | LinkageError e) {
      // The main thread does the same work later and reports its failure where it needs it.
    }
  }

  /** Java's image writers and fonts, as the plot uses them: a headless image and its text. */
  private static void graphics() {
    ImageIO.getImageWritersByFormatName("png").hasNext();
    BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 12)).stringWidth("0.5");
    } finally {
      g.dispose();
    }
  }
}
