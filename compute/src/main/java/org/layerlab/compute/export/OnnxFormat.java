package org.layerlab.compute.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.text.Messages;

/** Export as an ONNX model ({@link OnnxExporter}), optionally with the data set's normalisation folded in front. */
final class OnnxFormat implements ModelFormat {
    private static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.formats", OnnxFormat.class);
    static final String FOLD = "foldNormalization";

    @Override public String id() { return "onnx"; }
    @Override public String displayName() { return TEXT.get("onnx.name"); }
    @Override public String description() { return TEXT.get("onnx.description"); }
    @Override public String extension() { return ".onnx"; }

    @Override public List<ParamSpec> params() {
        return List.of(ParamSpec.bool(FOLD, TEXT.get("onnx.fold.label"), true, TEXT.get("onnx.fold.description")));
    }

    /** Whether the written model takes raw features (the normalisation folded in) under these options. */
    static boolean folds(ExportOptions options, ModelFormat format) {
        return options.normalization().isPresent() && options.settings(format).getBoolean(FOLD);
    }

    @Override public void write(TrainedModel model, Path target, ExportOptions options) throws ExportException {
        FeatureScaling n = folds(options, this) ? options.normalization().orElseThrow() : null;
        try {
            OnnxExporter.write(model, new OnnxExporter.Options(n), target);
        } catch (IOException e) {
            throw new ExportException(TEXT.get("onnx.writeFailed", target, e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new ExportException(TEXT.get("onnx.notExportable", target, e.getMessage()), e);
        }
    }
}
