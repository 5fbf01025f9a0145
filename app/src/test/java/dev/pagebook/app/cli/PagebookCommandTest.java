package dev.pagebook.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The picocli-free start of the app must never swallow a command line meant for picocli. */
class PagebookCommandTest {

    @Test
    void theFastPathKnowsEverySubcommand() {
        assertThat(PagebookCommand.SUBCOMMANDS).isEqualTo(PagebookCommand.commandLine().getSubcommands().keySet());
    }

    @Test
    void onlyPlainFilesOpenTheAppDirectly() {
        assertThat(PagebookCommand.opensTheApp(new String[0])).isTrue();
        assertThat(PagebookCommand.opensTheApp(new String[] {"a.html", "dir/b.html"})).isTrue();
        assertThat(PagebookCommand.opensTheApp(new String[] {"run", "a.html"})).isFalse();
        assertThat(PagebookCommand.opensTheApp(new String[] {"export", "a.html", "--to", "py"})).isFalse();
        assertThat(PagebookCommand.opensTheApp(new String[] {"--version"})).isFalse();
        assertThat(PagebookCommand.opensTheApp(new String[] {"a.html", "-h"})).isFalse();
        assertThat(PagebookCommand.opensTheApp(new String[] {"@args.txt"})).isFalse();
    }
}
