package org.llmstrategy.records;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's own files, under the prefix {@code fillable:}, on a disk that can be made full: once {@link
 * #full} is set, every write fails as the JDK fails it on a full disk (an IOException "No space
 * left on device", ENOSPC's words), and H2's whole write path meets it as it would. Registered with
 * H2's pluggable file systems, in this JVM only.
 */
public final class FillableFileSystem extends FilePathWrapper {
  static final String PREFIX = "fillable:";
  static volatile boolean full;

  static {
    FilePath.register(new FillableFileSystem());
  }

  /** For H2, which makes one per path by reflection. */
  public FillableFileSystem() {}

  /** Registers the file system (once, on first use). */
  static void register() {}

  @Override
  public String getScheme() {
    return "fillable";
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    return new Channel(getBase().open(mode));
  }

  private static final class Channel extends FileChannel {
    private final FileChannel disk;

    Channel(FileChannel disk) {
      this.disk = disk;
    }

    private static void room() throws IOException {
      if (full) {
        throw new IOException("No space left on device");
      }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      room();
      return disk.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      room();
      return disk.write(srcs, offset, length);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      room();
      return disk.write(src, position);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count)
        throws IOException {
      room();
      return disk.transferFrom(src, position, count);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return disk.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return disk.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return disk.read(dst, position);
    }

    @Override
    public long position() throws IOException {
      return disk.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      disk.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return disk.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      disk.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      disk.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target)
        throws IOException {
      return disk.transferTo(position, count, target);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
      return disk.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
      return disk.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return disk.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      disk.close();
    }
  }
}
