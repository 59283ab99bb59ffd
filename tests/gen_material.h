// The generators' material (tools/gen_corpus/material.h) harvested from the
// bundled corpus once per test process, for the corpus and graph generator
// tests alike.
#ifndef POLICYGRAPH_TESTS_GEN_MATERIAL_H_
#define POLICYGRAPH_TESTS_GEN_MATERIAL_H_

#include <string>

#include <gtest/gtest.h>

#include "gen_corpus/material.h"

namespace policygraph::gen {

inline const Material& BundledMaterial() {
  static const Material* material = [] {
    auto* m = new Material();
    std::string error;
    EXPECT_TRUE(HarvestMaterial({PG_CORPUS_DIR}, *m, error)) << error;
    return m;
  }();
  return *material;
}

}  // namespace policygraph::gen

#endif  // POLICYGRAPH_TESTS_GEN_MATERIAL_H_
