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
  private static boolean installed;

  private QuietGitConfig() {}

  static synchronized void install() {
    if (installed) {
      return;
    }
    SystemReader.setInstance(
        new SystemReader.Delegate(SystemReader.getInstance()) {
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
        });
    installed = true;
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
