package org.llmstrategy.rules.git;

import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * JGit reads the machine's Git configuration (the user's and the system's) by default, and finds
 * the system one by running the {@code git} program. A replica should behave the same on every
 * machine and run no program: it reads nothing but its own settings.
 */
final class QuietGitConfig {
  private QuietGitConfig() {}

  /** Once per JVM: JGit keeps its reader JVM-wide, so the reader itself says it is installed. */
  static synchronized void install() {
    if (SystemReader.getInstance() instanceof Quiet) {
      return;
    }
    SystemReader.setInstance(new Quiet(SystemReader.getInstance()));
  }

  /** JGit's reader of the machine, with every configuration file outside the replica empty. */
  private static final class Quiet extends SystemReader.Delegate {
    Quiet(SystemReader machine) {
      super(machine);
    }

    @Override
    public FileBasedConfig openUserConfig(Config parent, FS fs) {
      return empty(parent, fs);
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
      return empty(parent, fs);
    }

    @Override
    public FileBasedConfig openJGitConfig(Config parent, FS fs) {
      return empty(parent, fs);
    }
  }

  private static FileBasedConfig empty(Config parent, FS fs) {
    return new FileBasedConfig(parent, null, fs) {
      @Override
      public void load() {
        // nothing to read: no configuration outside the replica's own
      }

      @Override
      public void save() {
        // nothing to write either: JGit would note what it measured of the disk there
      }

      @Override
      public boolean isOutdated() {
        return false;
      }
    };
  }
}
