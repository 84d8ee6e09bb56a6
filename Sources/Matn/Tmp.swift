public enum MatnPlaceholder {}
