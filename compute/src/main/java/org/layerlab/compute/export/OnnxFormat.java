package org.layerlab.compute.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.layerlab.compute.catalog.ParamSpec;
import org.layerlab.compute.text.Messages;

/** Export as an ONNX model ({@link OnnxExporter}), optionally with the data set's normalisation folded in front. */
public final class OnnxFormat implements ModelFormat {
    private static final Messages TEXT = Messages.of("org.layerlab.compute.i18n.formats", OnnxFormat.class);
    static final String FOLD = "foldNormalization";

    @Override public String id() { return "onnx"; }
    @Override public String displayName() { return TEXT.get("onnx.name"); }
    @Override public String description() { return TEXT.get("onnx.description"); }
    @Override public String extension() { return ".onnx"; }

    @Override public List<ParamSpec> params() {
        return List.of(ParamSpec.bool(FOLD, TEXT.get("onnx.fold.label"), true, TEXT.get("onnx.fold.description")));
    }

    /** The normalisation to fold in: the one given, else the project's data set's fitted one; null for none. */
    static FeatureScaling normalization(ExportOptions options) {
        if (options.normalization().isPresent()) return options.normalization().get();
        return options.project().map(p -> p.dataset().normalization()).map(FeatureScaling::of).orElse(null);
    }

    /** Whether the written model takes raw features (the normalisation folded in) under these options; the dialog says which. */
    public static boolean takesRawFeatures(ExportOptions options) {
        return normalization(options) != null && options.settings(ModelFormats.ONNX).getBoolean(FOLD);
    }

    @Override public void write(TrainedModel model, Path target, ExportOptions options) throws ExportException {
        FeatureScaling n = takesRawFeatures(options) ? normalization(options) : null;
        try {
            OnnxExporter.write(model, new OnnxExporter.Options(n), target);
        } catch (IOException e) {
            throw new ExportException(TEXT.get("onnx.writeFailed", target, e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new ExportException(TEXT.get("onnx.notExportable", target, e.getMessage()), e);
        }
    }
}
