{
  "targets": [
    {
      "target_name": "plrp_ort_kernels",
      "sources": ["src/addon.cc", "src/custom-ops.cc", "src/prune-kernels.cc", "src/mass-cut.cc", "src/max-route.cc", "src/row-pool.cc", "src/ort-api.cc"],
      "cflags_cc": ["-std=c++17", "-O3", "-fno-math-errno"],
      "cflags_cc!": ["-fno-rtti"],
      "xcode_settings": { "CLANG_CXX_LANGUAGE_STANDARD": "c++17", "OTHER_CPLUSPLUSFLAGS": ["-O3"] },
      "msvs_settings": { "VCCLCompilerTool": { "AdditionalOptions": ["/std:c++17", "/O2"] } },
      "conditions": [["OS=='linux'", { "libraries": ["-ldl", "-lpthread"] }]]
    }
  ]
}
