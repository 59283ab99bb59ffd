// Links the installed library and calls one public function: exits 0 only
// if the headers, the library and its dependencies all resolved.
#include <iostream>
#include <string>

#include "policygraph/fold.h"

int main() {
  const std::string got =
      policygraph::NormalizeDocNumber("合川府发[2023]002号");
  const std::string want = "合川府发〔2023〕2号";
  if (got != want) {
    std::cerr << "NormalizeDocNumber: got " << got << ", want " << want << "\n";
    return 1;
  }
  std::cout << "ok " << got << "\n";
  return 0;
}
