package io.github.javanets.train;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the items of one pass over a source on a thread of its own, ahead of the thread that uses
 * them, so that reading and converting the next minibatch overlaps training on the current one.
 *
 * <p>Memory is bounded: the loader holds at most {@value #CAPACITY} items read ahead in its queue,
 * plus the one it is reading, so at most {@code CAPACITY + 2} items of a pass are alive at once
 * (with the one being used).
 *
 * <p>The loader is a daemon thread named {@code javanets-loader-<n>}, started by {@link #start} and
 * stopped and joined by {@link #close} on every path: the end of the pass, an early stop, an
 * exception of either thread, an interrupt. It runs only the {@code next} and {@code close}
 * functions it is given (a model's, which read and convert data and never run its graph). An
 * exception of {@code next} reaches the user of the items as a {@link BatchFailedException} naming
 * the source and the item's index; the loader calls {@code close} once, on its own thread, when it
 * ends.
 *
 * <p>Used by the {@link Trainer} and by the models' streamed {@code predict}; not thread-safe: one
 * thread takes the items.
 *
 * @param <T> the items
 */
@API(status = INTERNAL, since = "0.2", consumers = "io.github.javanets.models")
public final class Prefetcher<T> implements AutoCloseable {
  /** The most items read ahead and waiting in the queue. */
  public static final int CAPACITY = 2;

  private static final Logger LOG = LoggerFactory.getLogger(Prefetcher.class);
  private static final AtomicLong THREADS = new AtomicLong();
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final String source;
  private final Callable<T> next;
  private final Runnable release;
  private final Thread thread;
  private volatile boolean closed;
  private boolean done;
  private long index;

  /** A failure of the loader at item {@code index}. */
  private record Failure(long index, Throwable cause) {}

  private Prefetcher(String source, Callable<T> next, Runnable release) {
    this.source = source;
    this.next = next;
    this.release = release;
    this.thread = new Thread(this::load, "javanets-loader-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
  }

  /**
   * Starts the loader of one pass.
   *
   * @param source the source's description, for messages; not null
   * @param next reads and converts the next item, or returns null when the pass is over; run on the
   *     loader thread; not null
   * @param release releases the pass; run once on the loader thread when it ends; not null
   * @param <T> the items
   * @return the started prefetcher; close it
   */
  public static <T> Prefetcher<T> start(String source, Callable<T> next, Runnable release) {
    Prefetcher<T> p = new Prefetcher<>(source, next, release);
    p.thread.start();
    return p;
  }

  private void load() {
    long i = 0;
    try {
      while (!closed) {
        Object item;
        try {
          T t = next.call();
          item = t == null ? END : t;
        } catch (Throwable e) {
          if (closed) {
            return;
          }
          item = new Failure(i, e);
        }
        queue.put(item);
        if (item == END || item instanceof Failure) {
          return;
        }
        i++;
      }
    } catch (InterruptedException e) {
      // Closed while waiting for room in the queue.
    } finally {
      Thread.interrupted();
      try {
        release.run();
      } catch (RuntimeException e) {
        LOG.warn("Closing a pass of {} failed", source, e);
      }
    }
  }

  /**
   * The next item, waiting for the loader if it is not read yet.
   *
   * @return the item, or null when the pass is over
   * @throws BatchFailedException if reading or converting the item failed, naming the source and
   *     the item's index, with the cause attached
   * @throws java.util.concurrent.CancellationException if this thread is interrupted while it waits
   *     (its interrupt status is kept)
   */
  @SuppressWarnings("unchecked")
  public T next() {
    if (done) {
      return null;
    }
    Object item;
    try {
      item = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.interrupted(source, index);
    }
    if (item == END) {
      done = true;
      return null;
    }
    if (item instanceof Failure f) {
      done = true;
      if (f.cause() instanceof Error error) {
        throw error;
      }
      throw BatchFailedException.of(source, f.index(), f.cause());
    }
    index++;
    return (T) item;
  }

  /** Whether the loader thread is running (for tests). */
  boolean loading() {
    return thread.isAlive();
  }

  /** The loader thread (for tests). */
  Thread thread() {
    return thread;
  }

  /**
   * Stops the loader (interrupting a read still going on) and waits for it to end; the pass is
   * released by then. Idempotent. Keeps this thread's interrupt status.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!done) {
      thread.interrupt();
    }
    queue.clear();
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    queue.clear();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
