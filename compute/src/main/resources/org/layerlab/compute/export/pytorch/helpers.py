class AvgPool2dPadded(nn.Module):
    """Average pooling whose windows may hang over the edge, counting only the values inside (LayerLab's 'same')."""

    def __init__(self, kernel, stride, pad):
        super().__init__()
        self.kernel, self.stride, self.pad = kernel, stride, pad

    def forward(self, x):
        total = F.avg_pool2d(F.pad(x, self.pad), self.kernel, self.stride, divisor_override=1)
        count = F.avg_pool2d(F.pad(torch.ones_like(x[:1, :1]), self.pad), self.kernel, self.stride, divisor_override=1)
        return total / count


