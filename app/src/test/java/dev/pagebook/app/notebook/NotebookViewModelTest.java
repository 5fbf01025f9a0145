package dev.pagebook.app.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pagebook.app.task.BackgroundTasks;
import dev.pagebook.format.Notebook;
import dev.pagebook.format.NotebookReader;
import dev.pagebook.format.NotebookWriter;
import dev.pagebook.format.model.HtmlCell;
import dev.pagebook.format.model.PythonCell;
import dev.pagebook.kernel.Completion;
import dev.pagebook.kernel.ExecutionReply;
import dev.pagebook.kernel.Kernel;
import dev.pagebook.kernel.KernelStatus;
import dev.pagebook.kernel.OutputSink;
import dev.pagebook.kernel.VariableInfo;
import dev.pagebook.kernel.dom.DomBridge;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Cell editing through the view-model, without a window: one undo stack for every operation. */
class NotebookViewModelTest {

    private static final String PAGE = "<!DOCTYPE html>\n<html>\n<head><title>t</title></head>\n<body>\n<h1>Title</h1>\n"
            + "<script type=\"py\" id=\"a\">x = 1</script>\n<p>between</p>\n"
            + "<script type=\"py\" id=\"b\">y = 2\nz = 3</script>\n</body>\n</html>\n";

    private final NotebookViewModel vm;
    private final String original;

    NotebookViewModelTest() throws Exception {
        Notebook nb = NotebookReader.read(PAGE);
        original = NotebookWriter.write(nb);
        vm = new NotebookViewModel(nb, null, new NoKernel(), new BackgroundTasks(e -> { }));
    }

    private List<String> sources() {
        return vm.notebook().cells().stream().map(c -> c.source()).toList();
    }

    @Test
    void editorsShowACellWithoutTheLineBreaksAroundItAndTheSavedPageKeepsThem() throws Exception {
        String page = "<!DOCTYPE html>\n<html><body>\n<h1>T</h1>\n<script type=\"py\" id=\"c\">\n    x = 1\n    y = 2\n  </script>\n"
                + "</body></html>\n";
        NotebookViewModel laid = new NotebookViewModel(NotebookReader.read(page), null, new NoKernel(), new BackgroundTasks(e -> { }));
        int c = laid.notebook().indexOf("c");
        CellViewModel cell = laid.cells().get(c);
        assertThat(cell.sourceProperty().get()).isEqualTo("    x = 1\n    y = 2");

        cell.sourceProperty().set("    x = 10\n    y = 2");
        assertThat(NotebookWriter.write(laid.notebook())).isEqualTo(page.replace("x = 1\n", "x = 10\n"));
        assertThat(laid.findAll("y = 2")).singleElement().satisfies(hit -> assertThat(hit).containsExactly(c, 15));

        laid.splitCell(c, "    x = 10\n".length());
        assertThat(laid.cells().get(c).sourceProperty().get()).isEqualTo("    x = 10");
        assertThat(laid.cells().get(c + 1).sourceProperty().get()).isEqualTo("    y = 2");
        laid.undo();
        assertThat(laid.cells().get(c).sourceProperty().get()).isEqualTo("    x = 10\n    y = 2");
    }

    @Test
    void everyStructuralEditIsUndoneAndRedoneToTheSamePage() {
        vm.insertCell(1, true);
        vm.moveCell(3, 1);
        vm.splitCell(vm.notebook().indexOf("b"), "y = 2\n".length());
        vm.changeCellType(0, true);
        vm.deleteCell(2);
        String edited = NotebookWriter.write(vm.notebook());
        for (int i = 0; i < 5; i++) {
            vm.undo();
        }
        assertThat(NotebookWriter.write(vm.notebook())).isEqualTo(original);
        for (int i = 0; i < 5; i++) {
            vm.redo();
        }
        assertThat(NotebookWriter.write(vm.notebook())).isEqualTo(edited);
    }

    @Test
    void cellViewModelsFollowTheNotebookAndKeepTheirIdentity() {
        CellViewModel a = vm.cells().get(1);
        vm.deleteCell(1);
        assertThat(vm.cells()).doesNotContain(a);
        vm.undo();
        assertThat(vm.cells().get(1).id()).isEqualTo("a");
        CellViewModel b = vm.cells().get(3);
        vm.moveCell(3, -1);
        assertThat(vm.cells().get(2)).isSameAs(b);
        assertThat(vm.selectedProperty().get()).isEqualTo(2);
    }

    @Test
    void typingGoesIntoTheNotebookAndMarksItDirty() {
        assertThat(vm.dirtyProperty().get()).isFalse();
        vm.cells().get(1).sourceProperty().set("x = 41 + 1");
        assertThat(vm.notebook().pythonCell("a").orElseThrow().source()).isEqualTo("x = 41 + 1");
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.titleBinding().get()).isEqualTo("• Untitled");
    }

    @Test
    void replaceAllIsOneUndoableEditAcrossCellsOfBothKinds() {
        assertThat(vm.replaceAll("e", "E")).isEqualTo(4);
        assertThat(sources()).anyMatch(s -> s.contains("<h1>TitlE</h1>")).anyMatch(s -> s.contains("<p>bEtwEEn</p>")).contains("x = 1");
        assertThat(vm.findAll("E")).hasSize(4);
        vm.undo();
        assertThat(NotebookWriter.write(vm.notebook())).isEqualTo(original);
    }

    @Test
    void mergeRefusesCellsOfDifferentKinds() {
        assertThat(vm.notebook().cells().get(0)).isInstanceOf(HtmlCell.class);
        assertThat(vm.notebook().cells().get(1)).isInstanceOf(PythonCell.class);
        assertThat(vm.mergeWithNext(0)).isFalse();
        vm.insertCell(2, true);
        assertThat(vm.mergeWithNext(1)).isTrue();
        assertThat(vm.notebook().pythonCell("a").orElseThrow().source()).isEqualTo("x = 1\n");
    }

    /** Editing never reaches the kernel; these tests must not run code. */
    private static final class NoKernel implements Kernel {
        @Override
        public CompletableFuture<ExecutionReply> execute(String cellId, String code, OutputSink sink) {
            throw new AssertionError("editing ran code");
        }

        @Override
        public CompletableFuture<ExecutionReply> dispatchEvent(String handle, String eventType, OutputSink sink) {
            throw new AssertionError("editing ran code");
        }

        @Override
        public void setDomBridge(DomBridge bridge) {
        }

        @Override
        public void interrupt() {
        }

        @Override
        public CompletableFuture<Void> restart() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public KernelStatus status() {
            return KernelStatus.IDLE;
        }

        @Override
        public void addStatusListener(Consumer<KernelStatus> listener) {
        }

        @Override
        public void removeStatusListener(Consumer<KernelStatus> listener) {
        }

        @Override
        public List<Completion> complete(String code, int cursor) {
            return List.of();
        }

        @Override
        public Optional<String> inspect(String code, int cursor) {
            return Optional.empty();
        }

        @Override
        public List<VariableInfo> variables() {
            return List.of();
        }

        @Override
        public void close() {
        }
    }
}
