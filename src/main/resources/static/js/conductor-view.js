// A conductor class's page: its diagram, drawn from the class JSON the page carries.
(function () {
  'use strict';
  var svg = document.getElementById('diagram');
  var classJson = JSON.parse(svg.getAttribute('data-class'));
  var conductor = classJson.conductor || {};
  document.getElementById('class-name').textContent = conductor.conductor_name || '';
  document.getElementById('class-note').textContent = conductor.note || '';
  ConductorDiagram.layout(classJson);
  ConductorDiagram.render(svg, classJson, null);
})();
